#include "tollgate/rules/dated.h"

namespace tollgate::rules {

std::string DateRange::ToString() const {
  if (!from && !to) return "always";
  return (from ? from->ToString() : "") + ".." + (to ? to->ToString() : "");
}

}  // namespace tollgate::rules
