#include "model/independence.h"

namespace mgreview {

Independence effectiveIndependence(const Study &study)
{
    if (!study.independence.value.isEmpty())
        return study.independence;
    // The link is empty but not null: a null QString binds as SQL NULL, and the store
    // projects these values into NOT NULL columns.
    return {QStringLiteral("unclear"), QStringLiteral(""), QStringLiteral("not classified yet"),
            ClassificationSource::None};
}

} // namespace mgreview
