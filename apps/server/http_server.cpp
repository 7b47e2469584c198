// The HTTP side of `tollgate serve`, with guarded_server.* the only files that know
// cpp-httplib: the route table (routes.h) becomes httplib routes; every request is
// rate-limited, authenticated (unless public) before its body is read, size-limited
// by its route, and logged as one JSON line on stderr; errors, also the library's own
// (404 without a route, 413, 400), become JSON bodies.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <regex>
#include <thread>

#include "bootstrap.h"
#include "guarded_server.h"
#include "list_update.h"
#include "rate_limiter.h"
#include "routes.h"
#include "server.h"
#include "tollgate/common/data_dir.h"
#include "tollgate/history/history.h"
#include "tollgate/rules/locate.h"
#include "tollgate/webhooks/outbox.h"

namespace tollgate::server {
namespace {

// Per request thread: when the request started and who made it, for the access log
// (httplib calls the logger on the thread that handled the request).
thread_local std::chrono::steady_clock::time_point tl_started;
thread_local std::string tl_user;
thread_local std::string tl_route;  // the route's pattern, for /metrics; "" when none

std::string PathRegex(const std::string& path) {
  static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
  return std::regex_replace(path, kPlaceholder, "([^/]+)");
}

void Write(const ApiResponse& api, httplib::Response& res) {
  res.status = api.status;
  for (const auto& [name, value] : api.headers) res.set_header(name, value);
  res.set_content(api.body, api.content_type);
}

ApiRequest ToApi(const httplib::Request& req) {
  ApiRequest api;
  api.method = req.method;
  api.path = req.path;
  for (std::size_t i = 1; i < req.matches.size(); ++i) api.path_params.push_back(req.matches[i]);
  for (const auto& [key, value] : req.params) api.query.emplace(key, value);
  api.body = req.body;
  api.remote = req.remote_addr;
  return api;
}

ApiError Status(int status, const char* code, std::string message) {
  return {MakeError(ErrorCode::kInvalidArgument, std::move(message)), "", status, code};
}

void LogJson(const nlohmann::json& line) {
  // One write per line so lines from several threads do not interleave.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::cerr << text << std::flush;
}

void AccessLog(RequestMetrics& metrics, const httplib::Request& req, const httplib::Response& res) {
  const auto elapsed = std::chrono::steady_clock::now() - tl_started;
  metrics.Observe(req.method, tl_route, res.status, std::chrono::duration<double>(elapsed).count());
  LogJson({{"time", licensing::SystemClock().Timestamp()},
           {"remote", req.remote_addr},
           {"method", req.method},
           {"path", req.path},
           {"status", res.status},
           {"bytes", res.body.size()},
           {"ms", std::chrono::duration<double, std::milli>(elapsed).count()},
           {"user", tl_user.empty() ? nlohmann::json() : nlohmann::json(tl_user)}});
}

// The length the client declared, or nullopt for a chunked body or none declared.
std::optional<std::size_t> DeclaredLength(const httplib::Request& req) {
  if (!req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
    return std::nullopt;
  }
  const std::string text = req.get_header_value("Content-Length");
  std::size_t length = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return length;
}

// Answers before the body is read. The body is read and dropped when it is small
// enough (a client that writes its whole request before reading gets the answer);
// otherwise the connection is closed once the answer is written, the rest unread.
void AnswerUnread(const ApiResponse& api, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader* reader, std::size_t drain_limit) {
  if (reader == nullptr) return Write(api, res);  // a GET: no body to leave behind
  const auto declared = DeclaredLength(req);
  if (declared && *declared <= drain_limit) {
    // httplib has a reader per kind of body: a multipart one read through the plain
    // reader throws (bad_function_call), and the unread parts were then parsed as the
    // connection's next requests.
    const auto drop = [](const char*, std::size_t) { return true; };
    const bool drained =
        req.is_multipart_form_data()
            ? (*reader)([](const httplib::MultipartFormData&) { return true; }, drop)
            : (*reader)(drop);
    if (drained) return Write(api, res);
  }
  Write(api, res);
  CloseAfterResponse(res);
}

// The store, the caller (for a user's route) and the handler, around the body
// (already read, or read here through `reader` once the caller is known). Who is asking
// is settled from the headers before a byte of the body is read, and a body over the
// route's limit is never held: an anonymous client cannot make the server buffer
// --max-upload bytes (issue 11, item 7).
void Serve(ServerState& state, const Route& route, const httplib::Request& req,
           httplib::Response& res, const httplib::ContentReader* reader) {
  const ServerOptions& options = state.options();
  const std::size_t limit = route.upload ? options.max_upload : options.max_body;
  const std::size_t drain_limit = std::min(4 * options.max_body, options.max_upload);
  const auto too_large = [&] {
    return ErrorResponse(Status(413, "too_large",
                                "the body is over " + std::to_string(limit) +
                                    " bytes, the limit of " + route.path + " (`tollgate serve " +
                                    (route.upload ? "--max-upload" : "--max-body") +
                                    " BYTES` raises it)"));
  };
  auto store = state.stores().Acquire();
  if (!store.ok()) {
    LogJson({{"error", store.error().message}});
    return AnswerUnread(ErrorResponse(FromError(store.error())), req, res, reader, drain_limit);
  }
  tl_route = route.path;
  Caller caller;
  const Caller* who = nullptr;
  // Credentials, when sent, are judged even from loopback (a token of a user who may
  // not read the route is refused, not ignored).
  const bool anonymous_loopback =
      route.access == Access::kLoopbackOrUser && IsLoopback(req.remote_addr) &&
      !req.has_header("Authorization") &&
      req.get_header_value("Cookie").find("tollgate_session=") == std::string::npos;
  if (route.access == Access::kUser ||
      (route.access == Access::kLoopbackOrUser && !anonymous_loopback)) {
    Credentials credentials{req.get_header_value("Authorization"), req.get_header_value("Cookie"),
                            req.get_header_value("X-CSRF-Token")};
    if (auto denied = Authenticate(state, **store, req.method, credentials, caller)) {
      return AnswerUnread(ErrorResponse(*denied), req, res, reader,
                          std::min(drain_limit, options.max_body));
    }
    who = &caller;
    tl_user = caller.user.name;
  }
  ApiRequest api = ToApi(req);
  if (reader != nullptr) {
    if (const auto declared = DeclaredLength(req); declared && *declared > limit) {
      return AnswerUnread(too_large(), req, res, reader, drain_limit);
    }
    bool over = false;
    std::size_t held = 0;
    const auto take = [&](std::string& into, const char* data, std::size_t size) {
      if (held + size > limit) {
        over = true;
        return false;
      }
      held += size;
      into.append(data, size);
      return true;
    };
    // Only an upload route takes multipart/form-data (an OFAC set is three files);
    // httplib splits it into parts, the limit counts them all.
    api.multipart = route.upload && req.is_multipart_form_data();
    const bool read =
        api.multipart ? (*reader)(
                            [&](const httplib::MultipartFormData& part) {
                              api.parts.push_back({part.name, part.filename, ""});
                              return true;
                            },
                            [&](const char* data, std::size_t size) {
                              return !api.parts.empty() && take(api.parts.back().bytes, data, size);
                            })
                      : (*reader)([&](const char* data, std::size_t size) {
                          return take(api.body, data, size);
                        });
    if (over || !read) {
      Write(over ? too_large()
                 : ErrorResponse(Status(400, "invalid_argument", "the body could not be read")),
            res);
      return CloseAfterResponse(res);
    }
  } else if (api.body.size() > limit) {
    return Write(too_large(), res);
  }
  Write(route.handler(state, **store, who, api), res);
}

void Register(httplib::Server& http, ServerState& state, const Route& route) {
  const std::string pattern = PathRegex(route.path);
  if (route.method == "GET") {
    http.Get(pattern, [&state, route](const httplib::Request& req, httplib::Response& res) {
      Serve(state, route, req, res, nullptr);
    });
  } else {
    // With a content reader, httplib leaves the body to the handler.
    http.Post(pattern, [&state, route](const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& reader) {
      Serve(state, route, req, res, &reader);
    });
  }
}

// Requests no route takes answer without their body being read: httplib would
// otherwise read it first, up to --max-upload, and a chunked one without a limit.
void RegisterFallbacks(httplib::Server& http) {
  auto none = [](const httplib::Request& req, httplib::Response& res,
                 const httplib::ContentReader&) {
    const bool post = req.method == "POST";
    Write(ErrorResponse(
              {MakeError(ErrorCode::kNotFound, "no route for " + req.method + " " + req.path), "",
               post ? 404 : 405, post ? "no_route" : "method_not_allowed"}),
          res);
    CloseAfterResponse(res);
  };
  http.Post(".*", none);
  http.Put(".*", none);
  http.Patch(".*", none);
  http.Delete(".*", none);
}

}  // namespace

void PrintRoutes() {
  for (const auto& route : AllRoutes()) std::cout << route.method << " " << route.path << "\n";
}

Result<std::unique_ptr<ServerState>> OpenServerState(ServerOptions& options, std::ostream& out) {
  // The shipped API document and web UI, from the data folder (common/data_dir.h).
  for (auto [path, relative] :
       {std::pair{&options.openapi_path, "openapi.json"}, std::pair{&options.web_dir, "web"}}) {
    if (!path->empty()) continue;
    auto shipped = ShippedPath(relative);
    if (!shipped.ok()) return shipped.error();
    *path = shipped->string();
  }
  auto store = storage::OpenStore(options.db_url);
  if (!store.ok()) return store.error();
  const std::string base_url = "http://" + options.host + ":" + std::to_string(options.port);
  licensing::SystemClock clock;
  auto rules = rules::LoadRulesAt(options.rules_dir);
  if (!rules.ok()) return rules.error();
  const licensing::RulesLoader loaded =
      [&rules]() -> Result<std::shared_ptr<const rules::RuleSet>> { return *rules; };
  if (auto s = BootstrapIfEmpty(**store, clock, loaded, base_url, options.db_url, out); !s.ok()) {
    return s.error();
  }
  auto rules_dir = rules::RulesDir(options.rules_dir);
  if (!rules_dir.ok()) return rules_dir.error();
  if (auto s = LoadGeneralLicensesIfNone(**store, **rules, *rules_dir, clock, out); !s.ok()) {
    return s.error();
  }
  if (options.history_retention_years != 0) {
    auto pruned = history::PruneExpired(**store, clock.Today(), options.history_retention_years,
                                        {"system retention", clock.Timestamp()});
    if (!pruned.ok()) return pruned.error();
    if (*pruned) {
      out << "pruned " << (*pruned)->screenings << " screening(s) and " << (*pruned)->determinations
          << " determination(s) recorded before " << (*pruned)->cutoff << " (retention "
          << options.history_retention_years << " years)\n";
    }
  }
  auto criteria_path = licensing::ShippedCriteriaPath();
  if (!criteria_path.ok()) return criteria_path.error();
  auto catalog = licensing::LoadCriteria(*criteria_path);
  if (!catalog.ok()) return catalog.error();
  auto engine_store = storage::OpenStore(options.db_url);
  if (!engine_store.ok()) return engine_store.error();

  auto state = std::make_unique<ServerState>(options, *rules, std::move(catalog).value(),
                                             std::move(engine_store).value());
  // Built before the first request: readiness means screening and determinations
  // answer at once. The engine reads the server's one index cache, so warming it warms
  // /api/screen too; left to the first /api/check, the build held every check waiting
  // on the engine's lock (1-2 s on the loaded 2-core machine, the /api/check tail of
  // BENCHMARKS.md "HTTP server").
  if (auto warm = state->engine().ScreenParties({}, clock.Today()); !warm.ok()) {
    return warm.error();
  }
  if (auto opened = state->OpenStoresAhead(); !opened.ok()) return opened.error();
  return state;
}

int RunServer(ServerOptions options) {
  // cpp-httplib gives each connection a thread while it is kept alive: the pool must
  // cover the open connections (browsers keep several), not just the cores.
  if (options.threads == 0) options.threads = 32;

  auto fail = [](const Error& error) {
    std::cerr << "tollgate: error: " << error.message << "\n";
    return ExitCodeFor(error.code);
  };
  auto opened = OpenServerState(options, std::cout);
  if (!opened.ok()) return fail(opened.error());
  ServerState& state = **opened;

  // SIGINT and SIGTERM are taken by one thread (sigwait), which stops the server;
  // blocked here so every thread started later inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const unsigned threads = options.threads;
  ConnectionLimits limits;
  limits.header_timeout = std::chrono::seconds(options.header_timeout_seconds);
  limits.body_timeout = std::chrono::seconds(options.body_timeout_seconds);
  limits.io_timeout = std::chrono::seconds(options.timeout_seconds);
  limits.per_client = options.client_connections != 0 ? options.client_connections
                                                      : threads - std::max(1u, threads / 4);
  limits.per_client = std::max<std::size_t>(1, limits.per_client);
  GuardedServer http(limits);
  // httplib takes ownership of the queue it is given (its API requires a raw pointer).
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_upload);
  http.set_read_timeout(options.timeout_seconds, 0);
  http.set_write_timeout(options.timeout_seconds, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(10000);
  // Responses are written in pieces (headers, body): without this, Nagle's algorithm
  // holds the last piece for the client's delayed ACK, some 40 ms a request.
  http.set_tcp_nodelay(true);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"}});

  RateLimiter limiter(options.rate_limit);
  http.set_pre_routing_handler([&limiter](const httplib::Request& req, httplib::Response& res) {
    tl_started = std::chrono::steady_clock::now();
    tl_user.clear();
    tl_route.clear();
    // Answered here, before routing: whatever body the request has is left unread.
    const auto refuse = [&res](const ApiResponse& api) {
      Write(api, res);
      CloseAfterResponse(res);
      return httplib::Server::HandlerResponse::Handled;
    };
    // A decoded NUL or control character ("/index.html%00.js") would cut the file
    // name the static handler opens while its extension picks the content type.
    for (unsigned char c : req.path) {
      if (c < 0x20 || c == 0x7f) {
        return refuse(
            ErrorResponse(Status(400, "invalid_argument", "the path holds a control character")));
      }
    }
    if (limiter.Allow(req.remote_addr)) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", "1");
    return refuse(ErrorResponse(Status(429, "rate_limited", "too many requests: slow down")));
  });
  // Errors httplib produces itself (no route, body over the limit, a malformed request)
  // get the same JSON body as the handlers' own.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty() || res.content_provider_) return;
    if (res.status == 404) {
      Write(ErrorResponse(
                {MakeError(ErrorCode::kNotFound, "no route for " + req.method + " " + req.path), "",
                 404, "no_route"}),
            res);
    } else if (res.status == 413) {
      Write(ErrorResponse(Status(413, "too_large",
                                 "the body is over the limit (`tollgate serve --max-body` or, for "
                                 "list uploads, `--max-upload` raises it)")),
            res);
    } else {
      Write(ErrorResponse(Status(res.status, res.status < 500 ? "invalid_argument" : "internal",
                                 "the request could not be handled")),
            res);
    }
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          LogJson({{"error", std::string("unhandled exception: ") + e.what()}});
        } catch (...) {
          LogJson({{"error", "unhandled exception"}});
        }
        Write(ErrorResponse(FromError(MakeError(ErrorCode::kInternal, "exception"))), res);
        // The body may be partly unread: it must never be parsed as a next request.
        CloseAfterResponse(res);
      });
  http.set_logger([&state](const httplib::Request& req, const httplib::Response& res) {
    AccessLog(state.metrics(), req, res);
  });

  for (const auto& route : AllRoutes()) Register(http, state, route);
  RegisterFallbacks(http);
  if (std::filesystem::is_directory(options.web_dir)) {
    http.set_mount_point("/", options.web_dir);
  }

  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.host);
  } else if (!http.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return fail(MakeError(ErrorCode::kIoError,
                          "cannot listen on " + options.host + ":" + std::to_string(options.port)));
  }
  constexpr int kListenBacklog = 1024;
  if (!http.WidenBacklog(kListenBacklog)) {
    return fail(MakeError(ErrorCode::kIoError, "cannot listen on " + options.host + ":" +
                                                   std::to_string(port) + ": " +
                                                   std::strerror(errno)));
  }
  std::cout << "listening on http://" << options.host << ":" << port << " (" << threads
            << " threads, database "
            << (options.db_url.find("://") == std::string::npos
                    ? options.db_url
                    : options.db_url.substr(0, options.db_url.find("://")) + "://...")
            << ")" << std::endl;

  // Lists imported by another process sharing the database are picked up within
  // seconds: the version list is re-read and the indexes rebuilt on demand.
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stopping = false;
  std::thread refresher([&] {
    auto own = storage::OpenStore(options.db_url);
    std::unique_lock lock(stop_mu);
    while (!stop_cv.wait_for(lock, std::chrono::seconds(5), [&] { return stopping; })) {
      if (!own.ok()) continue;
      if (auto s = state.ListsChanged(**own); !s.ok()) LogJson({{"error", s.error().message}});
    }
  });
  // Webhook deliveries that are due are sent from one thread with its own store, so a
  // slow receiver holds up no request; several servers on one database share the work
  // (the store's claims keep a delivery to one of them).
  std::thread webhook_sender([&] {
    if (options.webhook_interval_seconds <= 0) return;
    auto own = storage::OpenStore(options.db_url);
    std::unique_lock lock(stop_mu);
    while (!stop_cv.wait_for(lock, std::chrono::seconds(options.webhook_interval_seconds),
                             [&] { return stopping; })) {
      if (!own.ok()) continue;
      lock.unlock();
      auto run = webhooks::DeliverDue(**own, state.clock(), /*limit=*/100, [&] {
        std::lock_guard stop_lock(stop_mu);
        return stopping;
      });
      if (!run.ok()) {
        LogJson({{"error", "webhook deliveries: " + run.error().message}});
      } else if (run->delivered + run->retrying + run->failed + run->cancelled > 0) {
        LogJson({{"webhooks",
                  {{"delivered", run->delivered},
                   {"retrying", run->retrying},
                   {"failed", run->failed},
                   {"cancelled", run->cancelled}}}});
      }
      lock.lock();
    }
  });
  // The server's own list update schedule (issue 15, item 2): as POST /api/lists/update,
  // by "system schedule"; a failed source is logged and tried again next time.
  std::thread list_updater([&] {
    if (options.list_update_interval_seconds <= 0) return;
    auto own = storage::OpenStore(options.db_url);
    std::unique_lock lock(stop_mu);
    while (!stop_cv.wait_for(lock, std::chrono::seconds(options.list_update_interval_seconds),
                             [&] { return stopping; })) {
      if (!own.ok()) {
        LogJson({{"error", "list update: " + own.error().message}});
        continue;
      }
      lock.unlock();
      auto run = UpdateListsNow(state, **own, "system schedule");
      if (!run.ok()) {
        LogJson({{"error", "list update: " + run.error().message}});
      } else {
        LogJson({{"list_update", lists::ToJson(*run)}});  // as the API answers it
      }
      lock.lock();
    }
  });
  // A signal can arrive before listen_after_bind has started its loop, when stop() is a
  // no-op (cpp-httplib only stops a running server): keep asking until listening ends.
  std::atomic<bool> listening_ended = false;
  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    while (!listening_ended) {
      http.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });

  const bool clean = http.listen_after_bind();
  listening_ended = true;
  {
    std::lock_guard lock(stop_mu);
    stopping = true;
  }
  stop_cv.notify_all();
  refresher.join();
  webhook_sender.join();
  list_updater.join();
  // If listening ended for another reason, wake the signal thread so it can finish.
  if (signal_waiter.joinable()) {
    // Not a kill: the thread waits in sigwait() for SIGTERM, and this ends its wait.
    // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
  }
  std::cout << "stopped" << std::endl;
  return clean ? 0 : ExitCodeFor(ErrorCode::kIoError);
}

}  // namespace tollgate::server
