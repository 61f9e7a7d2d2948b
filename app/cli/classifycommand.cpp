#include "commands.h"
#include "commandsupport.h"

#include "format/studyoutput.h"
#include "model/vocabulary.h"
#include "rules/classifier.h"
#include "rules/effectivestudy.h"
#include "rules/suggestionstore.h"
#include "review/reviewoutcome.h"
#include "store/studystore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mgreview::cli {

namespace {

QJsonObject suggestionToJson(const Suggestion &s)
{
    QJsonObject o{{QStringLiteral("target"), ruleTargetName(s.target)},
                  {QStringLiteral("value"), s.value},
                  {QStringLiteral("rule"), s.ruleId},
                  {QStringLiteral("priority"), s.priority},
                  {QStringLiteral("winning"), s.winning},
                  {QStringLiteral("reason"), s.reason}};
    if (!s.link.isEmpty())
        o.insert(QStringLiteral("link"), s.link);
    if (s.match.start >= 0) {
        o.insert(QStringLiteral("field"), ruleFieldName(s.match.field));
        o.insert(QStringLiteral("text_index"), s.match.textIndex);
        o.insert(QStringLiteral("start"), qint64(s.match.start));
        o.insert(QStringLiteral("length"), qint64(s.match.length));
        o.insert(QStringLiteral("matched_text"), s.match.text);
    }
    return o;
}

QString codes(const QStringList &values)
{
    return values.isEmpty() ? QStringLiteral("-") : values.join(u',');
}

QString describe(const QString &value, const QString &source)
{
    return (value.isEmpty() ? QStringLiteral("-") : value) + QStringLiteral(" [") + source + u']';
}

} // namespace

int runClassify(const CommandContext &context)
{
    RuleSet rules = defaultRules();
    if (!context.arguments.rulesFile.isEmpty()) {
        const RuleLoadResult combined = combineRules(rules, context.arguments.rulesFile, Vocabularies::builtin());
        if (!combined.errors.isEmpty()) {
            for (const QString &message : combined.errors)
                context.err << message << u'\n';
            return report(context, QStringLiteral("the rules file has errors; nothing was classified"));
        }
        rules = combined.rules;
    }
    const RuleEngine engine(rules);
    const ClassifyReport result = classifyLibrary(context.database, engine);
    if (!result.error.isEmpty())
        return report(context, result.error);
    context.err << QStringLiteral("classified %1 studies with %2 rules in %3 ms: %4 suggestions stored\n")
                       .arg(result.studies)
                       .arg(rules.rules.size())
                       .arg(result.readMs + result.classifyMs + result.storeMs)
                       .arg(result.suggestions);

    QString error;
    const std::optional<QVector<Study>> studies = StudyStore(context.database).loadAll(&error);
    if (!studies)
        return report(context, error);
    const SuggestionStore suggestionStore(context.database);
    // Reviewers outrank curated values and rules; show what they decided.
    const std::optional<QHash<QString, Independence>> reviewed = reviewerIndependenceByStudy(context.database, &error);
    if (!reviewed)
        return report(context, error);

    QJsonArray array;
    for (const Study &study : *studies) {
        const std::optional<QVector<Suggestion>> suggestions = suggestionStore.forStudy(study.id, &error);
        if (!suggestions)
            return report(context, error);
        ClassificationSources sources;
        const auto reviewer = reviewed->constFind(study.id);
        const Study seen = withRuleSuggestions(study, *suggestions, &sources,
                                               reviewer == reviewed->cend() ? std::nullopt
                                                                            : std::optional<Independence>(*reviewer));
        if (context.arguments.format == OutputFormat::Json) {
            QJsonObject o{{QStringLiteral("id"), study.id},
                          {QStringLiteral("independence"),
                           QJsonObject{{QStringLiteral("value"), seen.independence.value.isEmpty()
                                                                     ? QStringLiteral("unclear")
                                                                     : seen.independence.value},
                                       {QStringLiteral("link"), seen.independence.link},
                                       {QStringLiteral("source"), sources.independence},
                                       {QStringLiteral("reason"), seen.independence.reason}}},
                          {QStringLiteral("design"), seen.design},
                          {QStringLiteral("direction"), seen.direction},
                          {QStringLiteral("populations"), QJsonArray::fromStringList(seen.populations)},
                          {QStringLiteral("cramp_types"), QJsonArray::fromStringList(seen.crampTypes)},
                          {QStringLiteral("classified_by"), sources.toJson()}};
            if (context.arguments.explain) {
                QJsonArray list;
                for (const Suggestion &s : *suggestions)
                    list.append(suggestionToJson(s));
                o.insert(QStringLiteral("suggestions"), list);
            }
            array.append(o);
            continue;
        }
        QString independence = seen.independence.value;
        if (!seen.independence.link.isEmpty())
            independence += u'/' + seen.independence.link;
        context.out << study.id << u'\n'
                    << QStringLiteral("  independence %1  design %2  direction %3\n")
                           .arg(describe(independence, sources.independence), describe(seen.design, sources.design),
                                describe(seen.direction, sources.direction))
                    << QStringLiteral("  populations %1  cramp types %2\n")
                           .arg(describe(codes(seen.populations), sources.populations),
                                describe(codes(seen.crampTypes), sources.crampTypes));
        if (!context.arguments.explain)
            continue;
        for (const Suggestion &s : *suggestions) {
            QString value = s.value;
            if (!s.link.isEmpty())
                value += u'/' + s.link;
            context.out << QStringLiteral("    %1 %2 = %3  rule %4")
                               .arg(QChar(s.winning ? u'*' : u'-'))
                               .arg(ruleTargetName(s.target), value, s.ruleId);
            if (s.match.start >= 0)
                context.out << QStringLiteral("  %1[%2] %3+%4 \"%5\"")
                                   .arg(ruleFieldName(s.match.field))
                                   .arg(s.match.textIndex)
                                   .arg(s.match.start)
                                   .arg(s.match.length)
                                   .arg(s.match.text);
            context.out << u'\n';
        }
    }
    if (context.arguments.format == OutputFormat::Json)
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return ExitSuccess;
}

} // namespace mgreview::cli
