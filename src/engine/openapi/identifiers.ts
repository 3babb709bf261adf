/** Turning spec names (operationIds, schema names, tags, paths) into identifiers and file names. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if import in instanceof new null return super switch this throw true try " +
    "typeof var void while with yield let static implements interface package private protected public " +
    "await any unknown never object string number boolean symbol undefined"
  ).split(" "),
);

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function isIdentifier(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) && !RESERVED.has(text);
}

/** `pet-kind` → `PetKind`; an identifier that already is PascalCase is kept as written. */
export function pascalCase(text: string): string {
  if (/^[A-Z][A-Za-z0-9]*$/.test(text)) return text;
  const joined = words(text).map(upperFirst).join("");
  if (!joined) return "Schema";
  return /^[0-9]/.test(joined) ? `T${joined}` : joined;
}

/** `list-pets` → `listPets`; a valid identifier (any case) is kept as written. */
export function camelCase(text: string): string {
  if (isIdentifier(text)) return text;
  const parts = words(text);
  const joined = parts
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : upperFirst(w)))
    .join("");
  if (!joined) return "operation";
  const safe = /^[0-9]/.test(joined) ? `op${joined}` : joined;
  return RESERVED.has(safe) ? `${safe}Op` : safe;
}

/** A file-name-safe kebab-case slug: `Pet Owners` → `pet-owners`. */
export function slug(text: string): string {
  const joined = words(text)
    .map((w) => w.toLowerCase())
    .join("-");
  return joined || "root";
}

/** A name not yet in `taken` (adds a numeric suffix), recorded in `taken`. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** A stable operationId for an operation without one: `get /pets/{petId}` → `getPetsByPetId`. */
export function synthesizeOperationId(method: string, path: string): string {
  const parts = path.split("/").filter(Boolean);
  const name = parts
    .map((part) => {
      const param = /^\{(.+)\}$/.exec(part);
      return param ? `By${pascalCase(param[1]!)}` : pascalCase(part);
    })
    .join("");
  return `${method.toLowerCase()}${name || "Root"}`;
}

/** The first path segment that names a resource (skips `api`, `v1`, parameters). */
export function resourceSegment(path: string): string | undefined {
  return path
    .split("/")
    .filter(Boolean)
    .find(
      (part) => !/^\{.*\}$/.test(part) && !/^v\d+$/i.test(part) && part.toLowerCase() !== "api",
    );
}

/** Case-insensitive natural order (`group-2` before `group-10`), as Biome sorts imports and their names. */
export function compareNames(a: string, b: string): number {
  const chunks = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const [x, y] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) - Number(q) || p.length - q.length;
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}
