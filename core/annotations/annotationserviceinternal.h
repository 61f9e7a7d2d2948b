#pragma once

// Shared by the files of AnnotationService (annotationservice.cpp, annotationchanges.cpp,
// annotationimport.cpp); not a public API.

#include "store/database.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace mgreview::annotationservice {

/// The actions of the history (annotation_events.action).
namespace EventAction {
inline const QString Create = QStringLiteral("create");
inline const QString Edit = QStringLiteral("edit");
inline const QString Retag = QStringLiteral("retag");
inline const QString Delete = QStringLiteral("delete");
inline const QString Undo = QStringLiteral("undo");
inline const QString Import = QStringLiteral("import");
} // namespace EventAction

inline QDateTime now()
{
    // Milliseconds only: what is stored is what is read back.
    const QDateTime t = QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(t.toMSecsSinceEpoch(), QTimeZone::utc());
}

/// False, with the reason in `error`, when the transaction could not begin.
inline bool beginWrite(Transaction &transaction, QString *error)
{
    if (transaction.isActive())
        return true;
    *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
    return false;
}

} // namespace mgreview::annotationservice
