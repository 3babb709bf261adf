import type { Severity } from "../types.js";
import { leakTexts } from "./leak-text.js";

/** Signatures of internal detail that should never reach a client. */
export interface LeakPattern {
  /** The finding id's suffix: `error-leakage.<id>`. */
  id:
    | "stack-trace"
    | "debug-page"
    | "sql-error"
    | "file-path"
    | "exception-message"
    | "framework-banner"
    | "version-banner";
  label: string;
  severity: Severity;
  pattern: RegExp;
}

const SRC = String.raw`(?:file:\/\/\/?|node:)?[^\s()'"<>]{0,300}?`;

export const LEAK_PATTERNS: LeakPattern[] = [
  // Stack frames, by runtime. Frameworks (Express, Koa, Fastify, NestJS) print Node's format.
  {
    id: "stack-trace",
    label: "a Node.js stack trace",
    severity: "error",
    pattern: new RegExp(
      String.raw`\bat (?:async )?(?:[^\s()]{1,200}(?: \[as [^\]]{1,100}\])? )?\(?${SRC}(?:\.[cm]?[jt]sx?|internal\/[\w/-]+):\d+:\d+\)?`,
    ),
  },
  {
    id: "stack-trace",
    label: "a Python traceback",
    severity: "error",
    pattern: /Traceback \(most recent call last\)|File "[^"\n]{1,300}\.py", line \d+, in /,
  },
  {
    id: "stack-trace",
    label: "a Java stack trace",
    severity: "error",
    pattern:
      /\bat [\w$]{1,100}(?:\.[\w$<>]{1,100}){1,30}\((?:[\w$]{1,100}\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)|Exception in thread "/,
  },
  {
    id: "stack-trace",
    label: "a .NET stack trace",
    severity: "error",
    pattern:
      /\bat [\w.`<>[\]]{1,300}\([^)\n]{0,300}\) in [^\n]{1,300}:line \d+|--- End of stack trace from previous location|--- End of inner exception stack trace ---/,
  },
  {
    id: "stack-trace",
    label: "a PHP stack trace",
    severity: "error",
    pattern: /Stack trace:\s*#0 |#\d+ [^\s()]{1,300}\.php\(\d+\): /,
  },
  {
    id: "stack-trace",
    label: "a Ruby backtrace",
    severity: "error",
    pattern: /[\w/.-]{1,300}\.rb:\d+:in [`'‘]/,
  },
  {
    id: "stack-trace",
    label: "a Go panic",
    severity: "error",
    pattern: /goroutine \d+ \[running\]:/,
  },
  // Debug pages frameworks show in development mode.
  {
    id: "debug-page",
    label: "a Django debug page",
    severity: "error",
    pattern:
      /you have DEBUG = True in your Django settings|Django Version:|Using the URLconf defined in /,
  },
  {
    id: "debug-page",
    label: "the Werkzeug (Flask) debugger",
    severity: "error",
    pattern: /Werkzeug Debugger|The debugger caught an exception in your WSGI application/,
  },
  {
    id: "debug-page",
    label: "a Rails exception page",
    severity: "error",
    pattern:
      /Action Controller: Exception caught|Rails\.root: |Application Trace \| Framework Trace|"traces"\s*:\s*\{\s*"Application Trace"/,
  },
  {
    id: "debug-page",
    label: "a Spring error with its trace",
    severity: "error",
    pattern: /"trace"\s*:\s*"[\w.$]{1,200}(?:Exception|Error)\b/,
  },
  {
    id: "debug-page",
    label: "an ASP.NET error page",
    severity: "error",
    pattern:
      /Server Error in '[^'\n]*' Application|An unhandled exception occurred while processing the request|ASP\.NET Version:\s*\d|Microsoft \.NET Framework Version:/,
  },
  {
    id: "debug-page",
    label: "a PHP error",
    severity: "error",
    pattern:
      /(?:Fatal error|Parse error|Warning|Notice|Deprecated): .{0,300}? in \S{1,300}\.php(?: on line |:)\d+|Whoops, looks like something went wrong|Symfony\\Component\\ErrorHandler|Illuminate\\[A-Z]\w+\\/,
  },
  // Database errors: SQLSTATE codes, server messages, driver and ORM error names.
  {
    id: "sql-error",
    label: "a database error",
    severity: "error",
    pattern: new RegExp(
      [
        String.raw`SQLSTATE\[?[0-9A-Z]{5}\]?`,
        String.raw`"sqlState"\s*:|"sqlMessage"\s*:`,
        String.raw`"severity"\s*:\s*"(?:ERROR|FATAL)"\s*,\s*"code"\s*:\s*"[0-9A-Z]{5}"`,
        String.raw`syntax error at or near|(?:relation|column) "[^"\n]{1,200}" (?:of relation "[^"\n]{1,200}" )?does not exist`,
        String.raw`duplicate key value violates unique constraint|violates (?:foreign key|not-null|check) constraint|invalid input syntax for (?:type )?\w+|unterminated quoted string at or near|current transaction is aborted`,
        String.raw`You have an error in your SQL syntax|\bER_(?:PARSE_ERROR|DUP_ENTRY|NO_SUCH_TABLE|BAD_FIELD_ERROR|NO_REFERENCED_ROW_2|ROW_IS_REFERENCED_2|TRUNCATED_WRONG_VALUE\w*|ACCESS_DENIED_ERROR)\b|Duplicate entry '[^'\n]{0,200}' for key|Unknown column '[^'\n]{1,200}' in '|Table '[^'\n]{1,200}' doesn't exist`,
        String.raw`Unclosed quotation mark after the character string|Incorrect syntax near '|Microsoft OLE DB Provider for|(?:System|Microsoft)\.Data\.SqlClient`,
        String.raw`\bORA-\d{5}\b|\bSQLITE_[A-Z]+\b|no such table: |sqlite3\.OperationalError`,
        String.raw`Sequelize\w{0,40}Error|QueryFailedError|PrismaClient\w{0,40}Error|Invalid \x60prisma\.|sqlalchemy\.exc\.|psycopg2?\.(?:errors|Error)|django\.db\.utils\.|ActiveRecord::\w{1,60}|PG::\w{1,60}(?:Error|Violation)|Mysql2::Error|mysqli_sql_exception|PDOException|Doctrine\\DBAL|org\.hibernate\.|java\.sql\.SQL\w{0,40}Exception|PSQLException`,
        "MongoServerError|MongoError|E11000 duplicate key error|Cast to ObjectId failed",
      ].join("|"),
    ),
  },
  {
    id: "file-path",
    label: "a server file path",
    severity: "error",
    pattern:
      /(?<![\w.:/-])(?:\/(?:home|usr|var|srv|opt|app|root|workspace|code|Users)\/[\w./@-]{1,200}\.(?:[cm]?[jt]sx?|py|rb|php|java|go|cs|kt)\b|[A-Z]:\\[\w\\. -]{1,200}\.(?:cs|js|ts|py|php|java|vb|aspx?))/,
  },
  // Lower severity: they say what runs, not how it breaks.
  {
    id: "exception-message",
    label: "a runtime exception message",
    severity: "warning",
    pattern:
      /\b(?:TypeError|ReferenceError|RangeError|AttributeError|KeyError|NameError|NoMethodError): |Cannot read propert(?:y|ies) of (?:undefined|null)|\b\w{1,80} is not a function\b|\bNullPointerException\b|\bNullReferenceException\b|Object reference not set to an instance of an object|undefined method [`'‘]/,
  },
  {
    id: "framework-banner",
    label: "a framework's default error page",
    severity: "warning",
    pattern:
      /Whitelabel Error Page|<pre>Cannot [A-Z]{1,20} [^<]{0,300}<\/pre>|<title>Error<\/title>\s*<\/head>\s*<body>\s*<pre>|Routing Error\s*No route matches \[|Page not found \(404\)\s*(?:Request Method|No \w+ matches)/,
  },
  {
    id: "version-banner",
    label: "a server version",
    severity: "warning",
    pattern:
      /\b(?:nginx|Apache|Apache Tomcat|Microsoft-IIS|Jetty|openresty|lighttpd|Werkzeug|gunicorn|Kestrel|PHP|Phusion Passenger|WEBrick|Express)\/\d+(?:\.\d+)+/,
  },
];

export interface Leak {
  pattern: LeakPattern;
  excerpt: string;
}

/** Every kind of leak in a body (one per pattern id), in pattern order. HTML and JSON bodies are read as text too. */
export function findLeaks(body: string): Leak[] {
  const leaks: Leak[] = [];
  const texts = leakTexts(body);
  for (const pattern of LEAK_PATTERNS) {
    if (leaks.some((l) => l.pattern.id === pattern.id)) continue;
    for (const text of texts) {
      const m = pattern.pattern.exec(text);
      if (!m) continue;
      const start = Math.max(0, m.index - 20);
      const excerpt = text
        .slice(start, m.index + Math.min(m[0].length, 100))
        .replace(/\s+/g, " ")
        .trim();
      leaks.push({ pattern, excerpt });
      break;
    }
  }
  return leaks;
}

/** The first error-level leak in a body (what an error response must never carry). */
export function findLeak(body: string): Leak | undefined {
  return findLeaks(body).find((l) => l.pattern.severity === "error");
}
