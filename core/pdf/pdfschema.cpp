#include "pdf/pdfschema.h"

#include "store/database.h"

#include <QSqlDatabase>

namespace mgreview {

bool createPdfSchema(const Database &, QSqlDatabase &, QString *)
{
    // Reserved step: its tables arrive with the feature that needs them.
    return true;
}

} // namespace mgreview
