#pragma once

#include "model/study.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

struct Vocabularies;

/// The result of reading one studies/ file.
struct StudyFileResult {
    std::optional<Study> study; ///< Set when the file is valid.
    QStringList errors;         ///< "file:line:column: message", empty when valid.
};

/// Reads and validates one study file (format: docs/formats/studies.md).
/// `displayName` is used in messages (e.g. "studies/x.toml"). A non-empty `expectedId`
/// (the file's base name) must equal the study's id; a mismatch is reported at the id.
StudyFileResult readStudyText(const QByteArray &utf8, const QString &displayName,
                              const Vocabularies &vocabularies, const QString &expectedId = {});
StudyFileResult readStudyFile(const QString &path, const Vocabularies &vocabularies);

/// Serialises a study in the studies/ format. readStudyText(writeStudyText(s)) == s.
QByteArray writeStudyText(const Study &study);

/// A study read from a folder, with the file it came from and the file's SHA-256.
struct LoadedStudy {
    Study study;
    QString path;
    QByteArray sha256;
};

/// Reads every *.toml in a folder, sorted by name. Invalid files are reported in errors
/// and skipped; valid ones are returned.
QVector<LoadedStudy> readStudyFolder(const QString &folder, const Vocabularies &vocabularies,
                                     QStringList *errors);

} // namespace mgreview
