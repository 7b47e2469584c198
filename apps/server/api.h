// The server's own view of a request and a response, independent of the HTTP library:
// handlers (one file per area) take an ApiRequest and the caller and return an
// ApiResponse, so they stay thin adapters over the library and only http_server.cpp
// knows cpp-httplib. Errors are JSON {code, message, field} with the status from the
// one table (common/error_code.cpp).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/lists/upload.h"

namespace tollgate::server {

struct ApiRequest {
  std::string method;
  std::string path;
  std::vector<std::string> path_params;  // in the order of the route's {placeholders}
  std::map<std::string, std::string> query;
  std::string body;
  std::string remote;  // the client's address (login back-off counts per address)
  // A multipart/form-data body (an upload route only), part by part, instead of body.
  std::vector<lists::UploadedFile> parts;
  bool multipart = false;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Set-Cookie
};

// An error with the request field it concerns ("" for none), e.g. "items/0/eccn".
struct ApiError {
  Error error;
  std::string field;
  int status = 0;         // 0: from the table (HttpStatusFor); else e.g. 401, 413, 429
  std::string code_name;  // "" : ErrorCodeName(error.code); else "unauthenticated", ...
};

// Who is calling: the stored user, and how they proved it.
struct Caller {
  licensing::User user;
  bool by_session = false;  // cookie (CSRF applies) rather than a bearer token
  std::string session_digest;
  std::string csrf_token;
};

ApiResponse Json(const nlohmann::json& body, int status = 200);
ApiResponse ErrorResponse(const ApiError& error);
ApiError FromError(const Error& error, std::string field = "");
ApiError Invalid(std::string field, std::string message);
ApiError Forbidden(std::string message);
ApiError NotFound(std::string message);

// The JSON object in the body, or a 400 naming what is wrong.
Result<nlohmann::json> ParseBody(const ApiRequest& request);
// Query parameter or "" when absent.
std::string Query(const ApiRequest& request, const std::string& name);
// A whole number (a page, a page size), or kInvalidArgument "FIELD: 'TEXT' is not a
// number".
Result<std::int64_t> WholeNumber(const std::string& text, const std::string& field);
// ?page= and ?per_page= into `page` and `per_page` when given (left as they are when
// not); kInvalidArgument naming the parameter that is not a number.
Status ReadPaging(const ApiRequest& request, std::int64_t& page, std::int64_t& per_page);

// The JSON path a library message starts with ("/items/0/eccn: ..." or
// "event: agencies/0: ..."), or "".
std::string FieldOf(const std::string& message);

// Roles allowed to act; 403 naming the role otherwise.
std::optional<ApiError> RequireRole(const Caller& caller,
                                    std::initializer_list<licensing::Role> roles);

nlohmann::json UserJson(const licensing::User& user);

}  // namespace tollgate::server
