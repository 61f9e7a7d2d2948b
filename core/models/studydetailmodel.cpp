#include "models/studydetailmodel.h"

#include "model/vocabulary.h"
#include "rules/ruleengine.h"

#include <QDateTime>
#include <QLocale>

namespace mgreview {

namespace {

// Internal ids: sections have id 0, entries carry their section row + 1.
constexpr quintptr kSectionId = 0;

QString number(double value)
{
    // Proper minus sign for readers; no trailing zeros.
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    if (text.startsWith(u'-'))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QString effectSummary(const EffectEstimate &e, const Vocabularies &v)
{
    QStringList estimate;
    if (!e.measure.isEmpty())
        estimate.append(e.measure);
    if (e.value)
        estimate.append(number(*e.value));
    if (!e.unit.isEmpty() && e.value)
        estimate.append(e.unit);
    if (e.ciLow && e.ciHigh)
        estimate.append(QStringLiteral("(95% CI %1 to %2)").arg(number(*e.ciLow), number(*e.ciHigh)));
    QStringList parts;
    if (!estimate.isEmpty())
        parts.append(estimate.join(u' '));
    if (!e.certainty.isEmpty())
        parts.append(QStringLiteral("%1 certainty").arg(v.certainty.label(e.certainty)));
    // With no numbers, the source's own sentence is the estimate.
    if (estimate.isEmpty() && !e.text.isEmpty())
        parts.prepend(e.text);
    return parts.join(QStringLiteral("; "));
}

/// Context around a rule's matched span, so the reader sees the words in their sentence.
template<typename EntryT>
void setMatch(EntryT *entry, const Study &study, const Suggestion &suggestion)
{
    if (suggestion.match.start < 0)
        return;
    const QStringList texts = ruleFieldTexts(study, suggestion.match.field);
    entry->matchField = ruleFieldName(suggestion.match.field);
    entry->matchText = suggestion.match.text;
    if (suggestion.match.textIndex >= texts.size())
        return;
    const QString &text = texts.at(suggestion.match.textIndex);
    // Stored spans may be stale if the record changed since classification: check them.
    if (text.mid(suggestion.match.start, suggestion.match.length) != suggestion.match.text)
        return;
    constexpr qsizetype kContext = 70;
    const qsizetype beforeStart = std::max<qsizetype>(0, suggestion.match.start - kContext);
    entry->matchBefore = (beforeStart > 0 ? QStringLiteral("…") : QString()) +
                         text.mid(beforeStart, suggestion.match.start - beforeStart);
    const qsizetype afterStart = suggestion.match.start + suggestion.match.length;
    entry->matchAfter = text.mid(afterStart, kContext) + (afterStart + kContext < text.size() ? QStringLiteral("…") : QString());
}

/// Who decided a reviewer-sourced independence value, for the pane's "Source:" line.
QString reviewerSource(const StudyReviewInfo &review)
{
    if (review.blinded)
        return StudyDetailModel::tr("reviewers (hidden until you record your own judgement)");
    const ReviewOutcome &o = review.outcome;
    QStringList names;
    for (const Judgement &j : o.judgements)
        names.append(j.reviewer);
    switch (o.state) {
    case ReviewOutcome::State::Resolved:
        return StudyDetailModel::tr("reviewer %1 (resolution)").arg(o.resolution ? o.resolution->resolver : QString());
    case ReviewOutcome::State::Single:
        return StudyDetailModel::tr("reviewer %1").arg(names.value(0));
    case ReviewOutcome::State::Agreed:
        return StudyDetailModel::tr("reviewers %1 (agree)").arg(names.join(QStringLiteral(", ")));
    case ReviewOutcome::State::Disagreement:
        return StudyDetailModel::tr("reviewers %1 (disagree)").arg(names.join(QStringLiteral(", ")));
    case ReviewOutcome::State::None:
        break;
    }
    return StudyDetailModel::tr("reviewers");
}

QString recordedText(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString evidenceWhere(const JudgementContent &c)
{
    QString where;
    if (c.evidenceSource == QLatin1String(EvidenceSource::FundingStatement))
        where = StudyDetailModel::tr("funding statement");
    else if (c.evidenceSource == QLatin1String(EvidenceSource::CoiStatement))
        where = StudyDetailModel::tr("conflict-of-interest statement");
    else if (c.evidenceSource == QLatin1String(EvidenceSource::FundingNotes))
        where = StudyDetailModel::tr("funding notes");
    else if (c.evidenceSource == QLatin1String(EvidenceSource::Page))
        where = StudyDetailModel::tr("full text");
    else
        where = StudyDetailModel::tr("not found in the statements");
    if (c.page)
        where += StudyDetailModel::tr(", p. %1").arg(*c.page);
    return where;
}

} // namespace

StudyDetailModel::StudyDetailModel(const Vocabularies &vocabularies, QObject *parent)
    : QAbstractItemModel(parent), m_vocabularies(vocabularies)
{
}

void StudyDetailModel::setStudy(const Study &study, const QVector<Suggestion> &suggestions, const StudyReviewInfo &review)
{
    beginResetModel();
    m_study = study;
    m_suggestions = suggestions;
    m_review = review;
    m_sections = build(study, suggestions);
    endResetModel();
}

void StudyDetailModel::clear()
{
    beginResetModel();
    m_study.reset();
    m_suggestions.clear();
    m_review = {};
    m_sections.clear();
    endResetModel();
}

int StudyDetailModel::sectionRow(const QString &sectionId) const
{
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).id == sectionId)
            return i;
    }
    return -1;
}

QVector<StudyDetailModel::SectionData> StudyDetailModel::build(const Study &s, const QVector<Suggestion> &suggestions) const
{
    const Vocabularies &v = m_vocabularies;
    const auto reason = [&](const char *field) { return s.notVerified.value(QString::fromLatin1(field)); };
    const auto notVerifiedEntry = [&](const QString &label, const char *field) {
        // Flagged in the record: "not verified" with the reason; merely absent: "not reported".
        const QString why = reason(field);
        if (why.isEmpty())
            return Entry{Warning, label, tr("not reported"), {}, {}, {}, tr("no source reports it")};
        return Entry{Warning, label, tr("not verified"), {}, {}, {}, why};
    };
    QVector<SectionData> sections;

    // Citation and identifiers, with links people can follow.
    SectionData citation{QStringLiteral("citation"), tr("Citation"), {}};
    citation.entries.append({Text, tr("Citation"), s.citation.text, {}, {}, {}, {}});
    if (!s.citation.authors.isEmpty() || !s.isVerified(Field::Authors))
        citation.entries.append({Text, tr("Authors"), s.citation.authors.join(QStringLiteral(", ")), {}, {}, {},
                                 reason(Field::Authors)});
    citation.entries.append({Text, tr("Title"), s.citation.title, {}, {}, {}, reason(Field::Title)});
    citation.entries.append({Text, tr("Journal"), s.citation.journal, {}, {}, {}, reason(Field::Journal)});
    citation.entries.append({Text, tr("Year"), s.citation.year > 0 ? QString::number(s.citation.year) : QString(),
                             {}, {}, s.citation.yearNote, {}});
    const auto identifier = [&](const QString &label, const QString &value, const char *field, const QUrl &url) {
        if (!value.isEmpty())
            citation.entries.append({Link, label, value, url, {}, {}, reason(field)});
        else
            citation.entries.append(notVerifiedEntry(label, field));
    };
    identifier(tr("DOI"), s.ids.doi, Field::Doi, QUrl(QStringLiteral("https://doi.org/") + s.ids.doi));
    identifier(tr("PMID"), s.ids.pmid, Field::Pmid,
               QUrl(QStringLiteral("https://pubmed.ncbi.nlm.nih.gov/%1/").arg(s.ids.pmid)));
    identifier(tr("PMCID"), s.ids.pmcid, Field::Pmcid,
               QUrl(QStringLiteral("https://pmc.ncbi.nlm.nih.gov/articles/%1/").arg(s.ids.pmcid)));
    if (!s.ids.registration.isEmpty())
        citation.entries.append({Text, tr("Registration"), s.ids.registration, {}, {}, {}, reason(Field::Registration)});
    sections.append(citation);

    // What kind of study, in whom, of what.
    SectionData study{QStringLiteral("study"), tr("Study"), {}};
    // Coded attributes show who decided them: the curated file, or a rule with the text it matched.
    const auto classified = [&](RuleTarget target, const QString &label, const Vocabulary &vocabulary,
                                const QString &sourceWording) {
        const EffectiveClassification e = effectiveClassification(s, suggestions, target);
        Entry entry{Classification, label, {}, {}, {}, sourceWording, {}};
        QStringList values;
        for (const QString &value : e.values)
            values.append(vocabulary.label(value));
        entry.value = values.isEmpty() ? tr("not coded") : values.join(QStringLiteral("; "));
        if (e.source == ClassificationSource::Curated)
            entry.source = tr("curated (studies/ file)");
        else if (e.source == ClassificationSource::Rule && !e.decidingSuggestions.isEmpty()) {
            const Suggestion &deciding = e.decidingSuggestions.constFirst();
            entry.source = tr("rule %1").arg(deciding.ruleId);
            entry.note = deciding.reason;
            setMatch(&entry, s, deciding);
        }
        return entry;
    };
    study.entries.append(classified(RuleTarget::Design, tr("Design"), v.design, s.designText));
    study.entries.append(classified(RuleTarget::Population, tr("Population"), v.population, s.populationText));
    study.entries.append(classified(RuleTarget::CrampType, tr("Cramp type"), v.crampType,
                                    s.crampTypeText.join(QStringLiteral("; "))));
    study.entries.append({Text, tr("Intervention"), s.intervention.text, {}, {}, {}, reason(Field::Intervention)});
    if (!s.intervention.comparator.isEmpty())
        study.entries.append({Text, tr("Comparator"), s.intervention.comparator, {}, {}, {}, {}});
    study.entries.append({Text, tr("Sample size"), s.sampleSize ? QString::number(*s.sampleSize) : QString(), {}, {},
                          s.sampleText, reason(Field::SampleSize)});
    study.entries.append(classified(RuleTarget::Direction, tr("Direction of conclusion"), v.direction, QString()));
    sections.append(study);

    // The authors' own words.
    SectionData conclusions{QStringLiteral("conclusions"), tr("Authors' conclusions (verbatim)"), {}};
    for (const mgreview::Conclusion &c : s.conclusions) {
        QString where = v.conclusionSource.label(c.source);
        if (!c.where.isEmpty())
            where += QStringLiteral(" — ") + c.where;
        conclusions.entries.append({Conclusion, v.conclusionSource.label(c.source), c.text, {}, where, c.note, {}});
    }
    if (s.conclusions.isEmpty() || !s.isVerified(Field::Conclusions))
        conclusions.entries.append(notVerifiedEntry(s.conclusions.isEmpty() ? tr("Conclusion") : tr("Abstract conclusion"),
                                                    Field::Conclusions));
    sections.append(conclusions);

    // What secondary documents claim about it, beside what it says.
    if (!s.claims.isEmpty()) {
        SectionData claims{QStringLiteral("claims"), tr("What secondary sources claim"), {}};
        for (const mgreview::Claim &c : s.claims)
            claims.entries.append({Claim, v.claimSource.label(c.by), c.text, {}, c.kind, c.note, {}});
        sections.append(claims);
    }

    if (!s.effects.isEmpty()) {
        SectionData effects{QStringLiteral("effects"), tr("Effect estimates"), {}};
        for (const EffectEstimate &e : s.effects) {
            const QString summary = effectSummary(e, v);
            // The verbatim statement goes in the note unless the summary already is it.
            const QString note = summary.startsWith(e.text) ? QString() : e.text;
            effects.entries.append({Effect, e.outcome.isEmpty() ? tr("Estimate") : e.outcome, summary, {}, {}, note, {}});
        }
        sections.append(effects);
    }

    SectionData funding{QStringLiteral("funding"), tr("Funding and conflicts of interest"), {}};
    const QString fundingReason = reason(Field::Funding);
    if (!s.funding.statement.isEmpty())
        funding.entries.append({Text, tr("Funding statement"), s.funding.statement, {}, {}, {}, {}});
    else
        funding.entries.append({Warning, tr("Funding statement"),
                                fundingReason.isEmpty() ? tr("not reported") : tr("not verified"), {}, {}, {},
                                fundingReason.isEmpty() ? tr("not reported") : fundingReason});
    if (!s.funding.coiStatement.isEmpty())
        funding.entries.append({Text, tr("Conflicts of interest"), s.funding.coiStatement, {}, {}, {}, {}});
    else
        funding.entries.append({Warning, tr("Conflicts of interest"),
                                fundingReason.isEmpty() ? tr("not reported") : tr("not verified"), {}, {}, {},
                                fundingReason.isEmpty() ? tr("not reported") : fundingReason});
    for (const Funder &f : s.funding.funders)
        funding.entries.append({Text, tr("Funder"), QStringLiteral("%1 (%2)").arg(f.name, v.funderType.label(f.type)),
                                {}, f.source, {}, {}});
    if (!s.funding.notes.isEmpty())
        funding.entries.append({Text, tr("What is known"), s.funding.notes, {}, {}, {}, {}});
    sections.append(funding);

    SectionData independence{QStringLiteral("independence"), tr("Funding independence"), {}};
    const std::optional<Independence> reviewed = m_review.outcome.decides()
        ? std::optional<Independence>(m_review.outcome.independence)
        : std::nullopt;
    const EffectiveClassification ind = effectiveClassification(s, suggestions, RuleTarget::Independence, reviewed);
    if (ind.values.isEmpty()) {
        independence.entries.append({Classification, tr("Independence"), tr("Unclear"), {}, tr("none"),
                                     tr("not classified yet"), {}});
    } else {
        QString value = v.independence.label(ind.values.constFirst());
        if (!ind.link.isEmpty())
            value += QStringLiteral(" — ") + v.industryLink.label(ind.link);
        Entry entry{Classification, tr("Independence"), value, {}, toString(ind.source), ind.reason,
                    ind.source == ClassificationSource::Rule ? QString() : reason(Field::Independence)};
        if (ind.source == ClassificationSource::Curated)
            entry.source = tr("curated (studies/ file)");
        if (ind.source == ClassificationSource::Rule && !ind.decidingSuggestions.isEmpty()) {
            entry.source = tr("rule %1").arg(ind.decidingSuggestions.constFirst().ruleId);
            setMatch(&entry, s, ind.decidingSuggestions.constFirst());
        }
        if (ind.source == ClassificationSource::Reviewer) {
            entry.source = reviewerSource(m_review);
            // Who decided and why would tell a blinded reviewer what the others think.
            if (m_review.blinded)
                entry.note = tr("decided by other reviewers; who and why stay hidden until you record your own "
                                "judgement or choose to look");
        }
        independence.entries.append(entry);
    }
    sections.append(independence);

    if (m_review.loaded) {
        // Each reviewer's standing judgement that the reader may see; blinding hides the others'.
        SectionData review{QStringLiteral("review"), tr("Reviewers' judgements"), {}};
        const auto valueText = [&](const QString &value, const QString &link) {
            QString text = v.independence.label(value);
            if (!link.isEmpty())
                text += QStringLiteral(" — ") + v.industryLink.label(link);
            return text;
        };
        for (const Judgement &j : m_review.visible) {
            const bool own = !m_review.viewer.isEmpty() && j.reviewer.compare(m_review.viewer, Qt::CaseInsensitive) == 0;
            Entry entry{Classification, own ? tr("%1 (you)").arg(j.reviewer) : j.reviewer,
                        valueText(j.content.value, j.content.link), {}, tr("recorded %1").arg(recordedText(j.recordedAt)),
                        j.content.reason, {}};
            if (!j.content.evidence.isEmpty()) {
                entry.note += QStringLiteral(" ") + tr("Evidence (%1): “%2”").arg(evidenceWhere(j.content), j.content.evidence);
                if (j.content.evidenceSource == QLatin1String(EvidenceSource::NotFound))
                    entry.notVerifiedReason = tr("the evidence quote is not in the funding or COI statements");
            }
            review.entries.append(entry);
        }
        if (m_review.hidden > 0)
            review.entries.append({Text, tr("Other reviewers"),
                                   m_review.hidden == 1
                                       ? tr("1 judgement, hidden until you record your own")
                                       : tr("%1 judgements, hidden until you record your own").arg(m_review.hidden),
                                   {}, {}, tr("Assess funding… lets you choose to look; looking is logged."), {}});
        if (m_review.outcome.resolution && !m_review.blinded) {
            const Resolution &r = *m_review.outcome.resolution;
            const QString method = r.content.method == u"third-reviewer" ? tr("third reviewer") : tr("consensus");
            review.entries.append({Classification, tr("Resolution"), valueText(r.content.value, r.content.link), {},
                                   tr("%1 by %2, %3").arg(method, r.resolver, recordedText(r.recordedAt)),
                                   r.content.reason, {}});
        } else if (m_review.outcome.state == ReviewOutcome::State::Disagreement && !m_review.blinded) {
            review.entries.append({Warning, tr("Conflict"), tr("reviewers disagree"), {}, {}, {},
                                   tr("awaiting resolution (Review ▸ Conflicts)")});
        }
        if (m_review.visible.isEmpty() && m_review.hidden == 0)
            review.entries.append({Text, tr("Judgements"), tr("No reviewer has assessed this study yet."), {}, {}, {}, {}});
        sections.append(review);
    }

    // Every rule suggestion, winning or not, so a reviewer sees what the rules think and why.
    if (!suggestions.isEmpty()) {
        SectionData rules{QStringLiteral("rules"), tr("What the rules suggest"), {}};
        for (const Suggestion &g : suggestions) {
            const Vocabulary *vocabulary = &v.independence;
            QString target = tr("Independence");
            switch (g.target) {
            case RuleTarget::Independence: break;
            case RuleTarget::Design: vocabulary = &v.design; target = tr("Design"); break;
            case RuleTarget::Direction: vocabulary = &v.direction; target = tr("Direction"); break;
            case RuleTarget::Population: vocabulary = &v.population; target = tr("Population"); break;
            case RuleTarget::CrampType: vocabulary = &v.crampType; target = tr("Cramp type"); break;
            }
            QString value = vocabulary->label(g.value);
            if (!g.link.isEmpty())
                value += QStringLiteral(" — ") + v.industryLink.label(g.link);
            Entry entry{Classification, target, value, {},
                        g.winning ? tr("rule %1").arg(g.ruleId) : tr("rule %1 (outranked)").arg(g.ruleId), g.reason, {}};
            entry.winning = g.winning;
            setMatch(&entry, s, g);
            rules.entries.append(entry);
        }
        sections.append(rules);
    }

    if (!s.extraFacts.isEmpty() || !s.openAccess.isEmpty()) {
        SectionData facts{QStringLiteral("facts"), tr("Other facts"), {}};
        if (!s.openAccess.isEmpty())
            facts.entries.append({Text, tr("Open access"), s.openAccess, {}, {}, {}, reason(Field::OpenAccess)});
        for (const ExtraFact &f : s.extraFacts)
            facts.entries.append({Text, f.label, f.text, {}, {}, {}, {}});
        sections.append(facts);
    }

    SectionData sources{QStringLiteral("sources"), tr("Sources"), {}};
    for (const QString &address : s.sources) {
        // Some source entries carry a remark after the address: link only the address.
        const QString url = address.section(u' ', 0, 0);
        sources.entries.append({Link, QString(), address, QUrl(url), {}, {}, {}});
    }
    sections.append(sources);
    return sections;
}

QModelIndex StudyDetailModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_sections.size() ? createIndex(row, column, kSectionId) : QModelIndex();
    if (parent.internalId() != kSectionId || parent.column() != 0)
        return {};
    const SectionData &section = m_sections.at(parent.row());
    return row < section.entries.size() ? createIndex(row, column, quintptr(parent.row() + 1)) : QModelIndex();
}

QModelIndex StudyDetailModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kSectionId);
}

int StudyDetailModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.internalId() == kSectionId && parent.column() == 0)
        return int(m_sections.at(parent.row()).entries.size());
    return 0;
}

int StudyDetailModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StudyDetailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kSectionId) {
        const SectionData &section = m_sections.at(index.row());
        switch (role) {
        case Qt::DisplayRole: return index.column() == LabelColumn ? section.title : QVariant();
        case KindRole: return int(Section);
        case SectionIdRole: return section.id;
        default: return {};
        }
    }
    const SectionData &section = m_sections.at(int(index.internalId() - 1));
    const Entry &e = section.entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return index.column() == LabelColumn ? e.label : e.value;
    case Qt::ToolTipRole: return e.notVerifiedReason.isEmpty() ? e.note : tr("Not verified: %1").arg(e.notVerifiedReason);
    case KindRole: return int(e.kind);
    case NotVerifiedRole: return !e.notVerifiedReason.isEmpty();
    case NotVerifiedReasonRole: return e.notVerifiedReason;
    case UrlRole: return e.url;
    case SourceRole: return e.source;
    case NoteRole: return e.note;
    case SectionIdRole: return section.id;
    case MatchBeforeRole: return e.matchBefore;
    case MatchTextRole: return e.matchText;
    case MatchAfterRole: return e.matchAfter;
    case MatchFieldRole: return e.matchField;
    case WinningRole: return e.winning;
    default: return {};
    }
}

QVariant StudyDetailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == LabelColumn ? tr("Field") : tr("Value");
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace mgreview
