// The form check behind ValidateForSubmission, without the application's name in
// front, for callers that add their own context (the state machine's "cannot submit").
//
// Thread-safety: pure.
#pragma once

#include <string>

#include "tollgate/licensing/application.h"

namespace tollgate::licensing {

// "" when the form is whole, else "field/path: what is wrong".
std::string FormProblem(const Application& application);

}  // namespace tollgate::licensing
