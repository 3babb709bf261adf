/** The db benchmarks' server access: a database's URL beside the admin URL; one client per piece of work (the tests' helper). */
export { withClient } from "../helpers/pg.js";

export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
