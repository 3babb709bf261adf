import { visitorKeys } from "oxc-parser";

/** A node of the ESTree-shaped AST oxc-parser returns; fields are read through the helpers below. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

export function child(node: AstNode, key: string): AstNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

export function children(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** Strip wrappers that do not change the value: `x as T`, `x satisfies T`, `x!`, `<T>x`, `(x)`. */
export function unwrap(node: AstNode | undefined): AstNode | undefined {
  let current = node;
  while (
    current &&
    (current.type === "TSAsExpression" ||
      current.type === "TSSatisfiesExpression" ||
      current.type === "TSNonNullExpression" ||
      current.type === "TSTypeAssertion" ||
      current.type === "ParenthesizedExpression" ||
      current.type === "AwaitExpression")
  ) {
    current = child(current, current.type === "AwaitExpression" ? "argument" : "expression");
  }
  return current;
}

export function identifierName(node: AstNode | undefined): string | undefined {
  const n = unwrap(node);
  return n?.type === "Identifier" ? (n.name as string) : undefined;
}

/** The string a literal or a template without expressions stands for. */
export function stringValue(node: AstNode | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === "Literal" && typeof n.value === "string") return n.value;
  if (n.type === "TemplateLiteral" && children(n, "expressions").length === 0) {
    const quasi = children(n, "quasis")[0];
    const value = quasi?.value as { cooked?: string } | undefined;
    return value?.cooked ?? undefined;
  }
  return undefined;
}

/** `a.b` → { object: a, property: "b" } for non-computed (or string-computed) member expressions. */
export function memberParts(
  node: AstNode | undefined,
): { object: AstNode; property: string } | undefined {
  const n = unwrap(node);
  if (n?.type !== "MemberExpression") return undefined;
  const object = child(n, "object");
  const property = child(n, "property");
  if (!object || !property) return undefined;
  const name = n.computed ? stringValue(property) : identifierName(property);
  return name === undefined ? undefined : { object, property: name };
}

/** The key of an object property as written (`a`, `"a"`, `1`), undefined when computed from code. */
export function propertyKey(prop: AstNode): string | undefined {
  const key = child(prop, "key");
  if (!key) return undefined;
  if (!prop.computed && key.type === "Identifier") return key.name as string;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) {
    return String(key.value);
  }
  return stringValue(key);
}

/** Find a property of an object literal by key. */
export function objectProperty(object: AstNode | undefined, key: string): AstNode | undefined {
  const o = unwrap(object);
  if (o?.type !== "ObjectExpression") return undefined;
  for (const prop of children(o, "properties")) {
    if (prop.type === "Property" && propertyKey(prop) === key) return child(prop, "value");
  }
  return undefined;
}

export function isFunction(node: AstNode | undefined): boolean {
  return (
    node?.type === "FunctionDeclaration" ||
    node?.type === "FunctionExpression" ||
    node?.type === "ArrowFunctionExpression"
  );
}

const keysByType = visitorKeys as Record<string, readonly string[]>;

/** The direct child nodes of a node, in source order. */
export function childNodes(node: AstNode): AstNode[] {
  const keys = keysByType[node.type];
  const out: AstNode[] = [];
  for (const key of keys ?? Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}
