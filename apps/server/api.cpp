#include "api.h"

#include <charconv>

#include "tollgate/common/json_limits.h"

namespace tollgate::server {

ApiResponse Json(const nlohmann::json& body, int status) {
  ApiResponse response;
  response.status = status;
  // Replacement rather than an exception for text that is not UTF-8: the body is
  // always valid JSON.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

ApiResponse ErrorResponse(const ApiError& e) {
  nlohmann::json body = {{"code", e.code_name.empty() ? ErrorCodeName(e.error.code) : e.code_name},
                         {"message", e.error.message},
                         {"field", e.field.empty() ? nlohmann::json() : nlohmann::json(e.field)}};
  return Json(body, e.status != 0 ? e.status : HttpStatusFor(e.error.code));
}

ApiError FromError(const Error& error, std::string field) {
  ApiError out{error, std::move(field), 0, ""};
  if (out.field.empty()) out.field = FieldOf(error.message);
  // The database's and the file system's own words (SQL, paths) stay in the log.
  if (error.code == ErrorCode::kStorageError || error.code == ErrorCode::kInternal) {
    out.error.message = "the server could not complete the request; it is logged";
    out.field.clear();
  } else if (error.code == ErrorCode::kIoError) {
    out.error.message = "a file or download failed; it is logged";
    out.field.clear();
  }
  return out;
}

ApiError Invalid(std::string field, std::string message) {
  return {MakeError(ErrorCode::kInvalidArgument, field + ": " + message), field, 0, ""};
}

ApiError Forbidden(std::string message) {
  return {MakeError(ErrorCode::kPermissionDenied, std::move(message)), "", 0, ""};
}

ApiError NotFound(std::string message) {
  return {MakeError(ErrorCode::kNotFound, std::move(message)), "", 0, ""};
}

Result<nlohmann::json> ParseBody(const ApiRequest& request) {
  // Depth-limited: a handler may copy or dump what it is given (issue 11, item 1).
  auto json = ParseJsonLimited(request.body, "the body");
  if (!json.ok()) return json.error();
  if (!json->is_object()) {
    return MakeError(ErrorCode::kParseError, "the body must be a JSON object");
  }
  return json;
}

std::string Query(const ApiRequest& request, const std::string& name) {
  auto it = request.query.find(name);
  return it == request.query.end() ? "" : it->second;
}

Result<std::int64_t> WholeNumber(const std::string& text, const std::string& field) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return MakeError(ErrorCode::kInvalidArgument, field + ": '" + text + "' is not a number");
  }
  return value;
}

Status ReadPaging(const ApiRequest& request, std::int64_t& page, std::int64_t& per_page) {
  for (auto [name, field] : {std::pair{"page", &page}, std::pair{"per_page", &per_page}}) {
    if (auto text = Query(request, name); !text.empty()) {
      auto n = WholeNumber(text, name);
      if (!n.ok()) return n.error();
      *field = *n;
    }
  }
  return {};
}

std::string FieldOf(const std::string& message) {
  // "/items/0/eccn: ..." (application and transaction readers), "shipment date: ..."
  // (the shipment reader)
  std::string_view text = message;
  for (std::string_view prefix : {"event: ", "draft application: ", "application: ", "license: ",
                                  "license ", "shipment: ", "shipment ", "transaction: "}) {
    if (text.substr(0, prefix.size()) == prefix) text.remove_prefix(prefix.size());
  }
  const auto colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string_view path = text.substr(0, colon);
  if (path.front() == '/') path.remove_prefix(1);
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/';
    if (!ok) return "";
  }
  return std::string(path);
}

std::optional<ApiError> RequireRole(const Caller& caller,
                                    std::initializer_list<licensing::Role> roles) {
  for (auto role : roles) {
    if (caller.user.role == role) return std::nullopt;
  }
  std::string allowed;
  for (auto role : roles) allowed += (allowed.empty() ? "" : ", ") + std::string(RoleName(role));
  return Forbidden("a " + std::string(RoleName(caller.user.role)) +
                   " may not do this (allowed: " + allowed + ")");
}

nlohmann::json UserJson(const licensing::User& user) {
  nlohmann::json out = {
      {"name", user.name},
      {"role", licensing::RoleName(user.role)},
      {"organization",
       user.organization.empty() ? nlohmann::json() : nlohmann::json(user.organization)}};
  if (user.agency) out["agency"] = licensing::AgencyName(*user.agency);
  return out;
}

}  // namespace tollgate::server
