#pragma once

#include "rules/ruleengine.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace mgreview {

class Database;

/// What a classification run did.
struct ClassifyReport {
    int studies = 0;
    int suggestions = 0;
    qint64 readMs = 0, classifyMs = 0, storeMs = 0;
    bool cancelled = false;
    QString error;
};

/// Runs the rules over the library's studies (all, or only `studyIds`) and stores the
/// suggestions in one transaction. Blocking: run it off the GUI thread. A cancelled run
/// stores nothing.
ClassifyReport classifyLibrary(const Database &database, const RuleEngine &engine, const QStringList &studyIds = {},
                               const std::atomic_bool *cancel = nullptr,
                               const std::function<void(int done, int total)> &progress = {});

/// The same for studies the caller already holds (an import that just inserted them): no
/// re-reading from the library.
ClassifyReport classifyStudies(const Database &database, const RuleEngine &engine, const QVector<Study> &studies,
                               const std::atomic_bool *cancel = nullptr,
                               const std::function<void(int done, int total)> &progress = {});

} // namespace mgreview
