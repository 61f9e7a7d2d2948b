#pragma once

// Which fields of a study each export format carries back through our own import: the table
// of docs/formats/export.md#round-trips, as data, so that the round-trip tests check exactly it.

#include "importexport/exportfields.h"
#include "importexport/exportformat.h"
#include "model/study.h"

#include <QStringList>

#include <functional>
#include <ostream>

namespace mgreview {
/// "ris", "bibtex", … in gtest's messages (instead of the enum's bytes).
inline void PrintTo(ExportFormat format, std::ostream *os)
{
    *os << toString(format).toStdString();
}
} // namespace mgreview

namespace mgreview::testing {

/// One bit per export format.
enum Carried : unsigned {
    ByRis = 1u << 0,
    ByBibtex = 1u << 1,
    ByCsv = 1u << 2,
    ByJson = 1u << 3,
    ByStudies = 1u << 4,
    ByRich = ByJson | ByStudies,
    ByAll = ByRis | ByBibtex | ByCsv | ByRich,
};

inline unsigned bitFor(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Ris: return ByRis;
    case ExportFormat::Bibtex: return ByBibtex;
    case ExportFormat::Csv: return ByCsv;
    case ExportFormat::Json: return ByJson;
    case ExportFormat::Studies: return ByStudies;
    }
    return 0;
}

/// What a format does to free text on the way (docs/formats/export.md#round-trips): RIS and
/// BibTeX values are one line (a line break or tab becomes a space), BibTeX reads a run of
/// spaces as one and trims; RIS trims a line's end. CSV keeps text as it is, but lists one
/// item per line (conclusions, not-verified notes), so a line break inside an item becomes a
/// space. Identity for JSON and studies/.
struct TextFix {
    std::function<QString(const QString &)> text;  ///< A free-text value.
    std::function<QString(const QString &)> item;  ///< One item of a list written one per line.
    QString operator()(const QString &t) const { return text(t); }
};

inline TextFix textFixFor(ExportFormat format)
{
    const auto same = [](const QString &t) { return t; };
    switch (format) {
    case ExportFormat::Ris: {
        const auto ris = [](const QString &t) {
            QString out = singleLine(t); // a value's start is trimmed too, but a note's text (after its label) keeps it
            while (!out.isEmpty() && out.back().isSpace())
                out.chop(1);
            return out;
        };
        return {ris, ris};
    }
    case ExportFormat::Bibtex: {
        const auto bib = [](const QString &t) {
            QString out = singleLine(t);
            while (out.contains(QStringLiteral("  ")))
                out.replace(QStringLiteral("  "), QStringLiteral(" "));
            return out.trimmed();
        };
        return {bib, bib};
    }
    case ExportFormat::Csv: return {same, [](const QString &t) { return singleLine(t); }};
    case ExportFormat::Json:
    case ExportFormat::Studies: break;
    }
    return {same, same};
}

/// One row of the table: a field, the formats that carry it, and its value as text (free text
/// passed through `fix`, which is the identity for the record read back).
struct RoundTripField {
    const char *name;
    unsigned carriedBy;
    std::function<QString(const Study &, const TextFix &fix)> value;
};

inline QString joined(const QStringList &list)
{
    return list.join(QChar(0x1f));
}


/// The table. Keep it in step with docs/formats/export.md#round-trips.
inline const QVector<RoundTripField> &roundTripTable()
{
    using F = const TextFix &;
    static const QVector<RoundTripField> table{
        {"id", ByAll, [](const Study &s, F) -> QString { return s.id; }},
        {"authors", ByAll, [](const Study &s, F) -> QString { return joined(s.citation.authors); }},
        {"title", ByAll, [](const Study &s, F fix) -> QString { return fix(s.citation.title); }},
        {"journal", ByAll, [](const Study &s, F fix) -> QString { return fix(s.citation.journal); }},
        {"year", ByAll, [](const Study &s, F) -> QString { return QString::number(s.citation.year); }},
        {"volume, issue", ByAll, [](const Study &s, F) -> QString { return s.citation.volume + u'|' + s.citation.issue; }},
        {"pages (verified)", ByAll, [](const Study &s, F) -> QString { return exportablePages(s) ? s.citation.pages : QString(); }},
        {"pages (as stored, also not verified)", ByRich, [](const Study &s, F) -> QString { return s.citation.pages; }},
        {"citation text, year note", ByRich, [](const Study &s, F) -> QString { return s.citation.text + u'|' + s.citation.yearNote; }},
        {"doi, pmid", ByAll, [](const Study &s, F) -> QString { return s.ids.doi + u'|' + s.ids.pmid; }},
        {"pmcid", ByAll, [](const Study &s, F) -> QString { return s.ids.pmcid; }},
        {"registration", ByAll, [](const Study &s, F) -> QString { return s.ids.registration; }},
        {"abstract", ByAll, [](const Study &s, F fix) -> QString { return fix(s.abstract); }},
        {"keywords", ByAll, [](const Study &s, F) -> QString { return joined(s.keywords); }},
        {"publication types", ByRich, [](const Study &s, F) -> QString { return joined(s.publicationTypes); }},
        {"design, populations, cramp types, direction (curated codes)", ByCsv | ByRich,
         [](const Study &s, F) -> QString {
             return s.design + u'|' + joined(s.populations) + u'|' + joined(s.crampTypes) + u'|' + s.direction;
         }},
        {"coding texts, intervention, sample, certainty", ByRich,
         [](const Study &s, F) -> QString {
             const Intervention &i = s.intervention;
             return joined({s.designText, s.populationText, joined(s.crampTypeText), i.text, i.agent, i.salt, i.route,
                            i.dose, i.duration, i.comparator,
                            s.sampleSize ? QString::number(*s.sampleSize) : QString(), s.sampleText, s.certainty});
         }},
        {"effects, claims", ByRich,
         [](const Study &s, F) -> QString {
             QStringList out;
             for (const EffectEstimate &e : s.effects)
                 out << e.outcome << e.measure << QString::number(e.value.value_or(-1e300), 'g', 17) << e.text;
             for (const Claim &c : s.claims)
                 out << c.by << c.kind << c.text << c.note;
             return joined(out);
         }},
        {"conclusion texts (verbatim)", ByAll,
         [](const Study &s, F fix) -> QString {
             QStringList out;
             for (const Conclusion &c : s.conclusions)
                 out << fix.item(c.text);
             return joined(out);
         }},
        {"conclusion source and where", ByRis | ByBibtex | ByRich,
         [](const Study &s, F fix) -> QString {
             QStringList out;
             for (const Conclusion &c : s.conclusions)
                 out << c.source << fix(c.where);
             return joined(out);
         }},
        {"conclusion notes", ByRich,
         [](const Study &s, F) -> QString {
             QStringList out;
             for (const Conclusion &c : s.conclusions)
                 out << c.note;
             return joined(out);
         }},
        {"funding statement, conflicts of interest", ByAll,
         [](const Study &s, F fix) -> QString { return fix(s.funding.statement) + u'|' + fix(s.funding.coiStatement); }},
        {"funders (name, type)", ByRis | ByBibtex | ByRich,
         [](const Study &s, F fix) -> QString {
             QStringList out;
             for (const Funder &f : s.funding.funders)
                 out << fix(f.name) << f.type;
             return joined(out);
         }},
        {"funder sources, funding notes", ByRich,
         [](const Study &s, F) -> QString {
             QStringList out{s.funding.notes};
             for (const Funder &f : s.funding.funders)
                 out << f.source;
             return joined(out);
         }},
        {"independence (curated: value, link, reason)", ByAll,
         [](const Study &s, F fix) -> QString {
             return s.independence.value + u'|' + s.independence.link + u'|' + fix(s.independence.reason) + u'|'
                    + toString(s.independence.source);
         }},
        {"not verified (field: reason)", ByAll,
         [](const Study &s, F fix) -> QString {
             QStringList out;
             for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
                 out << it.key() + QStringLiteral(": ") + fix.item(it.value());
             return joined(out);
         }},
        {"open access, sources, extra facts", ByRich,
         [](const Study &s, F) -> QString {
             QStringList out{s.openAccess};
             out += s.sources;
             for (const ExtraFact &f : s.extraFacts)
                 out << f.label << f.text;
             return joined(out);
         }},
    };
    return table;
}

} // namespace mgreview::testing
