import { describe, expect, it } from "vitest";
import { findLeaks } from "../../../src/engine/audit/checks/leakage-patterns.js";

const kinds = (body: string) => findLeaks(body).map((l) => l.pattern.id);

/** Bodies written the way each framework or driver renders them (our own text, same shape). */
const CASES: Array<[string, string, string[]]> = [
  [
    "Express development error page (stack in HTML, &nbsp; indents)",
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>TypeError: Cannot read properties of undefined (reading &#39;id&#39;)<br> &nbsp; &nbsp;at getOrder (/srv/api/src/orders.js:18:24)<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/srv/api/node_modules/express/lib/router/layer.js:95:5)</pre>\n</body>\n</html>\n',
    ["stack-trace", "file-path", "exception-message", "framework-banner"],
  ],
  [
    "Koa / Fastify / NestJS JSON with a stack field",
    JSON.stringify({
      statusCode: 500,
      message: "boom",
      stack:
        "Error: boom\n    at OrdersController.find (/usr/src/app/dist/orders/orders.controller.js:22:15)\n    at async /usr/src/app/node_modules/@nestjs/core/router/router-execution-context.js:46:28",
    }),
    ["stack-trace", "file-path"],
  ],
  [
    "Fastify default 500 passing an exception message through",
    '{"statusCode":500,"error":"Internal Server Error","message":"Cannot read properties of null (reading \'email\')"}',
    ["exception-message"],
  ],
  [
    "Django debug page",
    '<html><head><title>OperationalError at /api/orders/</title></head><body><table class="meta"><tr><th>Django Version:</th><td>5.0.1</td></tr></table><p>You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>',
    ["debug-page"],
  ],
  [
    "Python traceback in JSON",
    JSON.stringify({
      detail:
        "Traceback (most recent call last):\n  File \"/app/api/views.py\", line 41, in get\n    return Order.objects.get(pk=pk)\nKeyError: 'pk'",
    }),
    ["stack-trace", "file-path", "exception-message"],
  ],
  [
    "Rails development JSON error",
    JSON.stringify({
      status: 500,
      error: "Internal Server Error",
      exception: "#<NoMethodError: undefined method `name' for nil:NilClass>",
      traces: {
        "Application Trace": [
          { id: 0, trace: "app/controllers/orders_controller.rb:12:in `show'" },
        ],
      },
    }),
    ["stack-trace", "debug-page", "exception-message"],
  ],
  [
    "Spring Boot JSON error with trace",
    JSON.stringify({
      timestamp: "2026-01-01T00:00:00.000+00:00",
      status: 500,
      error: "Internal Server Error",
      trace:
        "java.lang.NullPointerException: null\n\tat com.example.orders.OrderController.get(OrderController.java:31)\n\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
      path: "/orders/1",
    }),
    ["stack-trace", "debug-page", "exception-message"],
  ],
  [
    "Spring Whitelabel page",
    "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error</p></body></html>",
    ["framework-banner"],
  ],
  [
    "ASP.NET yellow screen",
    "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1><b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0</body></html>",
    ["debug-page"],
  ],
  [
    "ASP.NET Core developer exception page",
    "<h1>An unhandled exception occurred while processing the request.</h1><pre>System.NullReferenceException: Object reference not set to an instance of an object.\n   at Shop.Controllers.OrdersController.Get(Int32 id) in C:\\src\\Shop\\Controllers\\OrdersController.cs:line 27</pre>",
    ["stack-trace", "debug-page", "file-path", "exception-message"],
  ],
  [
    "PHP fatal error",
    "<br />\n<b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[42S02]: Base table or view not found in /var/www/html/orders.php:12\nStack trace:\n#0 /var/www/html/orders.php(12): PDO->query('SELECT * FROM o...')\n#1 {main}\n  thrown in <b>/var/www/html/orders.php</b> on line <b>12</b><br />",
    ["stack-trace", "debug-page", "sql-error", "file-path"],
  ],
  [
    "node-postgres error serialised to JSON",
    JSON.stringify({
      length: 104,
      name: "error",
      severity: "ERROR",
      code: "42P01",
      position: "15",
      file: "parse_relation.c",
      routine: "parserOpenTable",
    }),
    ["sql-error"],
  ],
  [
    "PostgreSQL message",
    '{"error":"duplicate key value violates unique constraint \\"users_email_key\\""}',
    ["sql-error"],
  ],
  [
    "MySQL driver",
    '{"code":"ER_PARSE_ERROR","errno":1064,"sqlMessage":"You have an error in your SQL syntax; check the manual","sqlState":"42000"}',
    ["sql-error"],
  ],
  ["SQL Server", "Unclosed quotation mark after the character string ''.", ["sql-error"]],
  [
    "Prisma",
    '{"message":"\\nInvalid `prisma.user.create()` invocation:\\n\\nUnique constraint failed on the fields: (`email`)","name":"PrismaClientKnownRequestError"}',
    ["sql-error"],
  ],
  [
    "MongoDB",
    '{"error":"E11000 duplicate key error collection: shop.users index: email_1 dup key"}',
    ["sql-error"],
  ],
  [
    "nginx error page",
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>",
    ["version-banner"],
  ],
];

describe("leak signatures", () => {
  it.each(CASES)("%s", (_name, body, expected) => {
    expect(kinds(body).sort()).toEqual([...expected].sort());
  });

  it.each([
    [
      '{"error":{"code":"VALIDATION_ERROR","message":"email must be a string","details":[{"field":"email"}]}}',
    ],
    ['{"data":{"id":1,"note":"meet at the station","url":"https://example.com/app/main.js"}}'],
    ['{"error":{"code":"NOT_FOUND","message":"no order 42"}}'],
    ["<html><body><h1>Not Found</h1><p>The requested resource was not found.</p></body></html>"],
    ['{"message":"Unexpected end of JSON input"}'],
  ])("a clean error or payload has no leak: %s", (body) => {
    expect(kinds(body)).toEqual([]);
  });
});
