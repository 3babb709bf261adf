export type { CrudColumn, CrudTable } from "./crud-table.js";
export {
  type ScaffoldedTable,
  type ScaffoldFromDbOptions,
  type ScaffoldFromDbResult,
  scaffoldFromDb,
} from "./scaffold-from-db.js";
