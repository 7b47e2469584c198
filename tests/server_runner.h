// Runs the real `tollgate serve` (built beside the tests) on a random loopback port
// over a given database, for tests that talk to it with cpp-httplib's client. The
// server is stopped (SIGTERM) when the ServerProcess goes away. Every answer a Client()
// receives is held to openapi.json (openapi_contract.h): an undeclared route or status,
// or a body its schema does not allow, fails the test that received it; so does a
// request body the server accepted that the declared request schema does not allow.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "openapi_contract.h"
#include "test_paths.h"

namespace tollgate::testing {

class ServerProcess {
 public:
  // `extra`: more flags for `serve`, e.g. {"--rate-limit", "2"}. Rate limiting and the
  // per-address connection limit are off unless given: the tests send many requests,
  // some of them at once, from one address (a burst of 12 clients on 4 threads would
  // otherwise have connections closed by the limit, as it is meant to).
  explicit ServerProcess(const std::string& db_url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {TOLLGATE_CLI_PATH, "--db",     db_url,
                                     "serve",           "--listen", "127.0.0.1:0"};
    if (std::find(extra.begin(), extra.end(), "--threads") == extra.end()) {
      extra.insert(extra.end(), {"--threads", "4"});
    }
    if (std::find(extra.begin(), extra.end(), "--rate-limit") == extra.end()) {
      extra.insert(extra.end(), {"--rate-limit", "0"});
    }
    if (std::find(extra.begin(), extra.end(), "--client-connections") == extra.end()) {
      extra.insert(extra.end(), {"--client-connections", "4"});  // every thread
    }
    for (auto& a : extra) args.push_back(std::move(a));
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      // The access log goes to stderr; tests do not need it.
      int null = open("/dev/null", O_WRONLY);
      dup2(null, STDERR_FILENO);
      close(out[0]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = fdopen(out[0], "r");
    char line[4096];
    while (fgets(line, sizeof line, stdout_) != nullptr) {
      const std::string text = line;
      output_ += text;
      const std::string marker = "listening on http://127.0.0.1:";
      if (auto at = text.find(marker); at != std::string::npos) {
        port_ = std::stoi(text.substr(at + marker.size()));
        break;
      }
    }
    if (port_ == 0) throw std::runtime_error("the server did not start: " + output_);
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (stdout_ != nullptr) fclose(stdout_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // SIGTERM, then waits up to `limit` for the server to exit; false (and SIGKILL) when it
  // did not. After this the destructor has nothing left to stop.
  bool StopWithin(std::chrono::milliseconds limit) {
    if (pid_ <= 0) return true;
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
    return true;
  }

  // SIGKILL at once: the server finishes nothing, as in a crash (answered_kill_test).
  void Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  int port() const { return port_; }
  // What the server printed before it listened (the first-start instructions).
  const std::string& output() const { return output_; }
  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client->set_read_timeout(std::chrono::seconds(30));
    client->set_logger([](const httplib::Request& request, const httplib::Response& response) {
      const auto& contract = OpenApiContract::FromSourceTree();
      auto problems =
          contract.CheckAnswer(request.method, request.path, response.status,
                               response.get_header_value("Content-Type"), response.body);
      for (auto& p :
           contract.CheckAcceptedRequest(request.method, request.path, response.status,
                                         request.get_header_value("Content-Type"), request.body)) {
        problems.push_back(std::move(p));
      }
      for (const auto& problem : problems) ADD_FAILURE() << "openapi.json contract: " << problem;
      RecordAnswer(request, response);
    });
    return client;
  }

 private:
  // With TOLLGATE_CONTRACT_RECORD=FILE, each answer is appended to FILE as a JSON line
  // ({method, path, status, content_type, body}): the live answers to write a new
  // route's schemas from.
  static void RecordAnswer(const httplib::Request& request, const httplib::Response& response) {
    const char* file = std::getenv("TOLLGATE_CONTRACT_RECORD");
    if (file == nullptr || *file == '\0') return;
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    std::ofstream out(file, std::ios::app);
    out << nlohmann::json{{"method", request.method},
                          {"path", request.path},
                          {"status", response.status},
                          {"content_type", response.get_header_value("Content-Type")},
                          {"body", response.body}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  }

  pid_t pid_ = -1;
  FILE* stdout_ = nullptr;
  int port_ = 0;
  std::string output_;
};

}  // namespace tollgate::testing
