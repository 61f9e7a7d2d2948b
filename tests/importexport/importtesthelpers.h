#pragma once

// Small helpers shared by the import suites.

#include "importexport/importreader.h"
#include "importexport/importtypes.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace mgreview {
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}
inline void PrintTo(const QStringList &list, std::ostream *os)
{
    *os << '[' << list.join(QStringLiteral(" | ")).toStdString() << ']';
}
} // namespace mgreview

namespace mgreview::testing {

inline std::string u8(const QString &text)
{
    return text.toStdString();
}

/// Every issue as "file:line: reason", one per line (for failure messages).
inline std::string issuesText(const ReadResult &r)
{
    QStringList lines;
    for (const ImportIssue &i : r.issues)
        lines.append(i.toString());
    return lines.join(u'\n').toStdString();
}

inline ReadResult readText(const QByteArray &bytes, ImportFormat format, const QString &name = QStringLiteral("t"))
{
    return readImportBytes(bytes, name, format);
}

/// True when some issue is on `line` and its reason contains `text`.
inline bool hasIssue(const ReadResult &r, int line, const QString &text)
{
    for (const ImportIssue &i : r.issues) {
        if (i.line == line && i.reason.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace mgreview::testing
