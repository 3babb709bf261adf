export {
  connectionError,
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "./connection.js";
