#pragma once

// Field-by-field merging of two edits of one study, for a save that met a Conflict
// (StudyStore::update(study, expectedVersion)): "see theirs, keep mine, or merge".
//
// Fields are the top-level keys of the study's JSON form (format/studyjson.h: "title",
// "authors", "conclusions", "independence", …), the units a person edits and a merge dialog
// lists.

#include "model/study.h"

#include <QStringList>

#include <optional>

namespace mgreview {

struct StudyMerge {
    /// Mine, with every field that only they changed taken from theirs. Fields both changed
    /// differently keep my value here until the user chooses (withFields()).
    Study merged;
    /// Fields both changed, to different values: the user must choose.
    QStringList conflicting;
    /// Fields only they changed (already taken into `merged`).
    QStringList takenFromTheirs;
};

/// Three-way merge: `base` is the study as I read it, `mine` my edit, `theirs` the study now
/// in the library. Returns nullopt (and *error) only if a study cannot be read back.
std::optional<StudyMerge> mergeStudies(const Study &base, const Study &mine, const Study &theirs, QString *error);

/// `into` with `fields` copied from `from` (e.g. the conflicting fields the user chose
/// "theirs" for).
std::optional<Study> withFields(const Study &into, const Study &from, const QStringList &fields, QString *error);

/// The fields in which two studies differ.
QStringList differingFields(const Study &a, const Study &b);

} // namespace mgreview
