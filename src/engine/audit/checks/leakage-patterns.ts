/** Signatures of internal detail that should never reach a client. */
export interface LeakPattern {
  id: string;
  label: string;
  pattern: RegExp;
}

export const LEAK_PATTERNS: LeakPattern[] = [
  {
    id: "stack-trace",
    label: "a JavaScript stack trace",
    pattern: /\n?\s+at [\w$.<>[\] ]+ \(?(?:file:\/\/)?[/\w.-]+\.[cm]?[jt]sx?:\d+:\d+\)?/,
  },
  {
    id: "stack-trace",
    label: "a Python traceback",
    pattern: /Traceback \(most recent call last\)/,
  },
  {
    id: "stack-trace",
    label: "a Java/.NET stack trace",
    pattern: /(Exception in thread|at [\w.$]+\([\w]+\.java:\d+\)|\bat [\w.]+\(\) in .+:line \d+)/,
  },
  {
    id: "sql-error",
    label: "a SQL error",
    pattern:
      /(syntax error at or near|SQLSTATE\[|ERROR:\s+relation "[^"]+" does not exist|duplicate key value violates unique constraint|You have an error in your SQL syntax|ORA-\d{5}|SQLITE_ERROR|unterminated quoted string)/i,
  },
  {
    id: "file-path",
    label: "a server file path",
    pattern:
      /(\/(?:home|usr\/src|var\/www|srv|opt|app)\/[\w./-]+\.(?:[cm]?[jt]sx?|py|rb|php|java|go)|[A-Z]:\\[\w\\.-]+\.(?:cs|js|py))/,
  },
  {
    id: "framework-banner",
    label: "a framework error page",
    pattern:
      /(Whitelabel Error Page|Werkzeug Debugger|DisallowedHost at|Django Version:|<pre>Cannot (?:GET|POST|PUT|PATCH|DELETE) [^<]*<\/pre>|Internal Server Error<\/title>.*?(?:Express|Koa))/is,
  },
];

export interface Leak {
  pattern: LeakPattern;
  excerpt: string;
}

/** Every kind of leak in the text (one per pattern id), in pattern order. */
export function findLeaks(text: string): Leak[] {
  const leaks: Leak[] = [];
  for (const pattern of LEAK_PATTERNS) {
    if (leaks.some((l) => l.pattern.id === pattern.id)) continue;
    const m = pattern.pattern.exec(text);
    if (!m) continue;
    const start = Math.max(0, m.index - 20);
    const excerpt = text
      .slice(start, m.index + Math.min(m[0].length, 100))
      .replace(/\s+/g, " ")
      .trim();
    leaks.push({ pattern, excerpt });
  }
  return leaks;
}

export function findLeak(text: string): Leak | undefined {
  return findLeaks(text)[0];
}
