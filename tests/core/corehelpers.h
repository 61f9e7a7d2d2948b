#pragma once

// Helpers shared by the core suites: readable failure output for Qt types, the project's
// studies, a fully populated synthetic study and a seeded temporary library.

#include "model/study.h"
#include "support/templibrary.h"

#include <QBitArray>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <ostream>

// gtest finds these through argument-dependent lookup (QString lives in the global namespace).
void PrintTo(const QString &text, std::ostream *os);
void PrintTo(const QStringList &list, std::ostream *os);
void PrintTo(const QBitArray &bits, std::ostream *os);

namespace mgreview {
void PrintTo(const Study &study, std::ostream *os);
}

namespace mgreview::testing {

/// Every study of the project's studies/ folder, sorted by file name; errors collects
/// anything that failed to load.
QVector<Study> projectStudies(QStringList *errors);
/// One study of studies/ by id (fails the calling test through the returned error).
std::optional<Study> projectStudy(const QString &id, QString *error);

/// A study with every field set, including characters that need escaping.
Study fullStudy(const QString &id = QStringLiteral("synthetic_full"));

/// Success when a == b; otherwise names every JSON key that differs, with both values.
::testing::AssertionResult sameStudy(const Study &expected, const Study &actual);

/// Seeds an open library from the project's studies/ folder; returns the number added
/// (-1 on failure, with the errors in *errors).
int seedProjectStudies(const Database &database, QStringList *errors);

QByteArray readFileBytes(const QString &path);
bool writeFileBytes(const QString &path, const QByteArray &bytes);

inline std::string str(const QString &text)
{
    return text.toStdString();
}

} // namespace mgreview::testing
