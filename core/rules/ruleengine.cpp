#include "rules/ruleengine.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <optional>

namespace mgreview {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// Finds `pattern` in `text` according to the test; sets start/length of the first hit.
bool findIn(const RuleCondition &c, const QString &text, qsizetype *start, qsizetype *length)
{
    const Qt::CaseSensitivity cs = c.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    switch (c.test) {
    case RuleCondition::Test::Equals:
        if (QStringView(text).trimmed().compare(c.pattern, cs) == 0) {
            *start = 0;
            *length = text.size();
            return true;
        }
        return false;
    case RuleCondition::Test::Contains: {
        const qsizetype at = text.indexOf(c.pattern, 0, cs);
        if (at < 0)
            return false;
        *start = at;
        *length = c.pattern.size();
        return true;
    }
    case RuleCondition::Test::Word: {
        qsizetype from = 0;
        while (true) {
            const qsizetype at = text.indexOf(c.pattern, from, cs);
            if (at < 0)
                return false;
            const qsizetype end = at + c.pattern.size();
            const bool startOk = at == 0 || !isWordChar(text.at(at - 1));
            const bool endOk = end >= text.size() || !isWordChar(text.at(end));
            if (startOk && endOk) {
                *start = at;
                *length = c.pattern.size();
                return true;
            }
            from = at + 1;
        }
    }
    case RuleCondition::Test::Regex: {
        const QRegularExpressionMatch m = c.regex.match(text);
        if (!m.hasMatch())
            return false;
        *start = m.capturedStart(0);
        *length = m.capturedLength(0);
        return true;
    }
    }
    return false;
}

bool outranks(const Suggestion &a, const Suggestion &b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.specificity != b.specificity)
        return a.specificity > b.specificity;
    return a.ruleId < b.ruleId;
}

bool isMultiValued(RuleTarget target)
{
    return target == RuleTarget::Population || target == RuleTarget::CrampType;
}

} // namespace

QString expandReason(const Rule &rule, const RuleMatch &match)
{
    QString text = rule.reason;
    text.replace(QStringLiteral("{match}"), match.text);
    text.replace(QStringLiteral("{field}"), ruleFieldName(match.field));
    text.replace(QStringLiteral("{rule}"), rule.id);
    return text;
}

RuleEngine::RuleEngine(RuleSet rules) : m_rules(std::move(rules)) {}

namespace {

/// The texts of each field of one study, read once however many rules test them.
class FieldCache
{
public:
    explicit FieldCache(const Study &study) : m_study(study) {}
    const QStringList &texts(RuleField field)
    {
        std::optional<QStringList> &slot = m_texts[size_t(field)];
        if (!slot)
            slot = ruleFieldTexts(m_study, field);
        return *slot;
    }

private:
    const Study &m_study;
    std::array<std::optional<QStringList>, size_t(RuleField::CrampTypes) + 1> m_texts;
};

bool evaluateCached(const RuleCondition &c, FieldCache &cache, RuleMatch *match)
{
    switch (c.kind) {
    case RuleCondition::Kind::Test: {
        const QStringList &texts = cache.texts(c.field);
        for (int i = 0; i < texts.size(); ++i) {
            const QString &text = texts.at(i);
            // Most fields of most records are empty: skip them without running a matcher.
            if (text.isEmpty() && !c.matchesEmpty)
                continue;
            qsizetype start = -1, length = 0;
            if (findIn(c, text, &start, &length)) {
                if (match)
                    *match = {c.field, i, start, length, text.mid(start, length)};
                return true;
            }
        }
        return false;
    }
    case RuleCondition::Kind::All: {
        RuleMatch first;
        for (const RuleCondition &child : c.children) {
            RuleMatch childMatch;
            if (!evaluateCached(child, cache, &childMatch))
                return false;
            if (first.start < 0 && childMatch.start >= 0)
                first = childMatch;
        }
        if (match)
            *match = first;
        return true;
    }
    case RuleCondition::Kind::Any:
        for (const RuleCondition &child : c.children) {
            if (evaluateCached(child, cache, match))
                return true;
        }
        return false;
    case RuleCondition::Kind::Not:
        // A negation matched nothing that could be shown.
        if (match)
            *match = {};
        return !evaluateCached(c.children.constFirst(), cache, nullptr);
    }
    return false;
}

} // namespace

bool RuleEngine::evaluate(const RuleCondition &c, const Study &study, RuleMatch *match)
{
    FieldCache cache(study);
    return evaluateCached(c, cache, match);
}

QVector<Suggestion> RuleEngine::classify(const Study &study) const
{
    FieldCache cache(study);
    QVector<Suggestion> out;
    for (const Rule &rule : m_rules.rules) {
        if (!rule.enabled)
            continue;
        RuleMatch match;
        if (!evaluateCached(rule.when, cache, &match))
            continue;
        Suggestion s;
        s.studyId = study.id;
        s.target = rule.target;
        s.value = rule.value;
        s.link = rule.link;
        s.ruleId = rule.id;
        s.priority = rule.priority;
        s.specificity = rule.when.testCount();
        s.match = match;
        s.reason = expandReason(rule, match);
        out.append(std::move(s));
    }
    // Group by target, best first, then mark the winners.
    std::stable_sort(out.begin(), out.end(), [](const Suggestion &a, const Suggestion &b) {
        if (a.target != b.target)
            return int(a.target) < int(b.target);
        return outranks(a, b);
    });
    for (int i = 0; i < out.size(); ++i) {
        Suggestion &s = out[i];
        bool decided = false;
        for (int j = 0; j < i && !decided; ++j) {
            const Suggestion &earlier = out.at(j);
            if (earlier.target == s.target && earlier.winning)
                decided = !isMultiValued(s.target) || earlier.value == s.value;
        }
        s.winning = !decided;
    }
    return out;
}

QVector<QVector<Suggestion>> RuleEngine::classifyAll(const QVector<Study> &studies, const std::atomic_bool *cancel,
                                                     const std::function<void(int)> &progress) const
{
    QVector<QVector<Suggestion>> results(studies.size());
    // Chunks keep the per-task overhead small at 100,000 studies.
    constexpr int kChunk = 512;
    QVector<int> chunkStarts;
    for (int i = 0; i < studies.size(); i += kChunk)
        chunkStarts.append(i);
    std::atomic_int done{0};
    QtConcurrent::blockingMap(chunkStarts, [&](int first) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        const int end = std::min<int>(first + kChunk, int(studies.size()));
        try {
            for (int i = first; i < end; ++i)
                results[i] = classify(studies.at(i));
        } catch (...) {
            // A rule must never take the app down; the study simply gets no suggestions.
        }
        const int total = done.fetch_add(end - first) + (end - first);
        if (progress)
            progress(total);
    });
    return results;
}

EffectiveClassification effectiveClassification(const Study &study, const QVector<Suggestion> &suggestions,
                                                RuleTarget target, const std::optional<Independence> &reviewer)
{
    EffectiveClassification e;
    const auto curated = [&](QStringList values, const QString &reason) {
        e.values = std::move(values);
        e.source = ClassificationSource::Curated;
        e.reason = reason;
    };
    switch (target) {
    case RuleTarget::Independence:
        if (reviewer && !reviewer->value.isEmpty()) {
            e.values = {reviewer->value};
            e.link = reviewer->link;
            e.source = ClassificationSource::Reviewer;
            e.reason = reviewer->reason;
            return e;
        }
        if (!study.independence.value.isEmpty()) {
            e.values = {study.independence.value};
            e.link = study.independence.link;
            e.source = study.independence.source;
            e.reason = study.independence.reason;
            return e;
        }
        break;
    case RuleTarget::Design:
        if (!study.design.isEmpty()) {
            curated({study.design}, study.designText);
            return e;
        }
        break;
    case RuleTarget::Direction:
        if (!study.direction.isEmpty()) {
            curated({study.direction}, QString());
            return e;
        }
        break;
    case RuleTarget::Population:
        if (!study.populations.isEmpty()) {
            curated(study.populations, study.populationText);
            return e;
        }
        break;
    case RuleTarget::CrampType:
        if (!study.crampTypes.isEmpty()) {
            curated(study.crampTypes, study.crampTypeText.join(QStringLiteral("; ")));
            return e;
        }
        break;
    }
    for (const Suggestion &s : suggestions) {
        if (s.target != target || !s.winning)
            continue;
        if (e.values.isEmpty()) {
            e.link = s.link;
            e.reason = s.reason;
        }
        e.values.append(s.value);
        e.decidingSuggestions.append(s);
        e.source = ClassificationSource::Rule;
    }
    return e;
}

} // namespace mgreview
