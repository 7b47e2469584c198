// `tollgate serve`: the HTTP API and the web UI (apps/server). This file only reads
// the flags; the server is in apps/server.
#include "../server/server.h"
#include "commands.h"

namespace tollgate::cli {

void AddServeCommand(CLI::App& app, Context& context, int& exit_code) {
  struct ServeArgs {
    std::string listen = "127.0.0.1:8080";
    server::ServerOptions options;
  };
  auto args = std::make_shared<ServeArgs>();
  auto* serve = app.add_subcommand(
      "serve", "the HTTP JSON API and the web UI (first start: prints how to log in)");
  serve->add_option("--listen", args->listen, "HOST:PORT to listen on (port 0: any free port)");
  serve->add_option("--threads", args->options.threads,
                    "request threads; each open connection holds one (default 32)");
  serve->add_option("--web", args->options.web_dir,
                    "folder of static files served at / (default web/)");
  serve->add_option("--rules", args->options.rules_dir, "rules directory (env TOLLGATE_RULES)");
  serve->add_option("--rate-limit", args->options.rate_limit,
                    "requests per second per client address (0: no limit)");
  serve->add_option("--max-body", args->options.max_body, "largest JSON body in bytes");
  serve->add_option("--max-upload", args->options.max_upload, "largest list file upload in bytes");
  serve->add_option("--timeout", args->options.timeout_seconds,
                    "timeout of any one read or write, seconds");
  serve
      ->add_option("--header-timeout", args->options.header_timeout_seconds,
                   "a request's line and headers must arrive within this, seconds (default 10)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--body-timeout", args->options.body_timeout_seconds,
                   "a request's body must arrive within this, seconds (default 60)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--client-connections", args->options.client_connections,
                   "threads one client address may keep waiting on it (default: threads less "
                   "a quarter, kept for other clients)")
      ->check(CLI::NonNegativeNumber);
  serve
      ->add_option("--max-check-items", args->options.check_limits.max_items,
                   "items one /api/check may ask about (default 100)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--max-check-parties", args->options.check_limits.max_parties,
                   "parties one /api/check may name (default 100)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--index-cache-mb", args->options.index_cache_mb,
                   "screening indexes (one per set of lists in force) kept for /api/screen "
                   "and /api/check together, least recently used dropped first, in MiB "
                   "(default 256)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--audit-key", args->options.audit_key,
                   "the key signing /api/audit/checkpoint (default beside a SQLite file: "
                   "FILE.audit-key; required for PostgreSQL)")
      ->envname("TOLLGATE_AUDIT_KEY");
  serve
      ->add_option("--history-retention-years", args->options.history_retention_years,
                   "prune screenings and determinations recorded longer ago at start, with an "
                   "audit record (default 5, the least 15 CFR 762.6 allows; 0: never at start)")
      ->check(CLI::Range(5, 1000) | CLI::IsMember({0}));
  serve
      ->add_option("--webhook-interval", args->options.webhook_interval_seconds,
                   "seconds between two sendings of the webhook deliveries that are due "
                   "(default 5; 0: this server sends none, e.g. when `tollgate webhooks "
                   "deliver` runs from cron or another server sends them)")
      ->check(CLI::Range(0, 3600));
  serve
      ->add_option("--list-update-interval", args->options.list_update_interval_seconds,
                   "seconds between two downloads of the official lists by the server itself, "
                   "as `tollgate lists update` (each new version re-screens the party masters; "
                   "default 0: never, e.g. 86400 for daily)")
      ->check(CLI::Range(0, 31 * 86400));
  serve->add_option("--sources", args->options.sources_file,
                    "the sources file of the list updates (env TOLLGATE_SOURCES; default "
                    "data/sources.json)");
  serve->add_flag("--list-routes", args->options.list_routes, "print the routes and exit");
  serve->callback([&, args] {
    if (args->options.list_routes) {
      server::PrintRoutes();
      exit_code = 0;
      return;
    }
    const auto colon = args->listen.rfind(':');
    int port = -1;
    try {
      std::size_t used = 0;
      if (colon != std::string::npos && colon > 0) {
        port = std::stoi(args->listen.substr(colon + 1), &used);
        if (used != args->listen.size() - colon - 1) port = -1;
      }
    } catch (const std::exception&) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      exit_code = Fail(MakeError(ErrorCode::kInvalidArgument,
                                 "--listen '" + args->listen + "': expected HOST:PORT"));
      return;
    }
    args->options.host = args->listen.substr(0, colon);
    args->options.port = port;
    args->options.db_url = context.db_url;
    exit_code = server::RunServer(args->options);
  });
}

}  // namespace tollgate::cli
