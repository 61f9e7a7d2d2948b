#pragma once

#include <QString>
#include <QStringList>

namespace mgreview {

/// What the study table needs of a study: light enough to hold 100,000 in memory.
struct StudySummary {
    qint64 key = 0; ///< Storage key (stable while the library lives).
    QString id;
    QString firstAuthor;
    QString authors; ///< "A; B; C".
    int year = 0;
    QString title;
    QString journal;
    QString doi;
    QString pmid;
    QString design;
    QStringList populations;
    QStringList crampTypes;
    QString direction;
    QString independence;       ///< Effective value: independent, industry-linked, unclear.
    QString independenceLink;
    QString independenceSource; ///< curated, rule, reviewer, none.
    QString independenceReason;
};

} // namespace mgreview
