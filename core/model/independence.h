#pragma once

#include "model/study.h"

namespace mgreview {

/// The independence to show and filter by: the study's own classification, or, when it has
/// none, "unclear" with source none and the reason "not classified yet". An unclassified
/// study is never shown as independent, and never hidden from the "unclear" filter.
Independence effectiveIndependence(const Study &study);

} // namespace mgreview
