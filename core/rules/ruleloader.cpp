#include "rules/ruleloader.h"

#include "io/tomlsupport.h"
#include "model/vocabulary.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>

namespace mgreview {

using namespace tomlsupport;

namespace {

struct Parser {
    QString file;
    const Vocabularies &vocab;
    QStringList errors;

    void error(const toml::source_region &where, const QString &message)
    {
        errors.append(located(file, where, message));
    }

    const Vocabulary *vocabularyFor(RuleTarget target) const
    {
        switch (target) {
        case RuleTarget::Independence: return &vocab.independence;
        case RuleTarget::Design: return &vocab.design;
        case RuleTarget::Direction: return &vocab.direction;
        case RuleTarget::Population: return &vocab.population;
        case RuleTarget::CrampType: return &vocab.crampType;
        }
        return nullptr;
    }

    std::optional<RuleCondition> condition(const toml::node &node)
    {
        const toml::table *t = node.as_table();
        if (!t) {
            error(node.source(), QStringLiteral("a condition must be a table, e.g. { field = \"title\", contains = \"…\" }"));
            return std::nullopt;
        }
        RuleCondition c;
        c.line = int(node.source().begin.line);
        const auto composite = [&](std::string_view key, RuleCondition::Kind kind) -> std::optional<RuleCondition> {
            rejectUnknownKeys(*t, {key}, file, &errors);
            const toml::array *array = t->get(key)->as_array();
            if (!array || array->empty()) {
                error(t->get(key)->source(), QStringLiteral("'%1' needs a non-empty array of conditions").arg(toQString(key)));
                return std::nullopt;
            }
            c.kind = kind;
            for (const toml::node &child : *array) {
                std::optional<RuleCondition> parsed = condition(child);
                if (!parsed)
                    return std::nullopt;
                c.children.append(std::move(*parsed));
            }
            return c;
        };
        if (t->contains("all"))
            return composite("all", RuleCondition::Kind::All);
        if (t->contains("any"))
            return composite("any", RuleCondition::Kind::Any);
        if (t->contains("not")) {
            rejectUnknownKeys(*t, {"not"}, file, &errors);
            std::optional<RuleCondition> inner = condition(*t->get("not"));
            if (!inner)
                return std::nullopt;
            c.kind = RuleCondition::Kind::Not;
            c.children.append(std::move(*inner));
            return c;
        }
        return test(*t, c);
    }

    std::optional<RuleCondition> test(const toml::table &t, RuleCondition c)
    {
        rejectUnknownKeys(t, {"field", "contains", "regex", "word", "equals", "case_sensitive"}, file, &errors);
        const toml::node *fieldNode = t.get("field");
        if (!fieldNode || !fieldNode->is_string()) {
            error(t.source(), QStringLiteral("a test needs 'field' (one of: %1), or use all/any/not")
                                  .arg(ruleFieldNames().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        const QString fieldName = toQString(fieldNode->as_string()->get());
        const std::optional<RuleField> field = ruleFieldFromName(fieldName);
        if (!field) {
            error(fieldNode->source(), QStringLiteral("unknown field '%1' (known: %2)")
                                           .arg(fieldName, ruleFieldNames().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        c.kind = RuleCondition::Kind::Test;
        c.field = *field;
        int tests = 0;
        const toml::node *patternNode = nullptr;
        const std::pair<std::string_view, RuleCondition::Test> kinds[] = {
            {"contains", RuleCondition::Test::Contains}, {"regex", RuleCondition::Test::Regex},
            {"word", RuleCondition::Test::Word}, {"equals", RuleCondition::Test::Equals}};
        for (const auto &[key, kind] : kinds) {
            if (const toml::node *n = t.get(key)) {
                ++tests;
                patternNode = n;
                c.test = kind;
            }
        }
        if (tests != 1) {
            error(t.source(), QStringLiteral("a test needs exactly one of contains, regex, word, equals"));
            return std::nullopt;
        }
        if (!patternNode->is_string() || patternNode->as_string()->get().empty()) {
            error(patternNode->source(), QStringLiteral("the pattern must be a non-empty string"));
            return std::nullopt;
        }
        c.pattern = toQString(patternNode->as_string()->get());
        if (const toml::node *cs = t.get("case_sensitive")) {
            if (!cs->is_boolean()) {
                error(cs->source(), QStringLiteral("'case_sensitive' must be true or false"));
                return std::nullopt;
            }
            c.caseSensitive = cs->as_boolean()->get();
        }
        if (c.test == RuleCondition::Test::Regex) {
            // Only the whole match is used: groups need not be captured (faster matching).
            QRegularExpression::PatternOptions options =
                QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::DontCaptureOption;
            if (!c.caseSensitive)
                options |= QRegularExpression::CaseInsensitiveOption;
            c.regex = QRegularExpression(c.pattern, options);
            if (!c.regex.isValid()) {
                // Point at the offending character inside the string (after its opening quote).
                toml::source_region where = patternNode->source();
                where.begin.column += toml::source_index(c.regex.patternErrorOffset() + 1);
                error(where, QStringLiteral("invalid regular expression: %1").arg(c.regex.errorString()));
                return std::nullopt;
            }
            c.regex.optimize(); // Compile (and JIT) now, not on the first study.
            c.matchesEmpty = c.regex.match(QString()).hasMatch();
        }
        return c;
    }

    std::optional<Rule> rule(const toml::table &t)
    {
        rejectUnknownKeys(t, {"id", "description", "target", "value", "link", "priority", "reason", "when", "enabled"},
                          file, &errors);
        const int before = int(errors.size());
        Rule r;
        r.file = file;
        r.line = int(t.source().begin.line);
        r.id = stringOr(t, "id", file, &errors);
        r.description = stringOr(t, "description", file, &errors);
        r.value = stringOr(t, "value", file, &errors);
        r.link = stringOr(t, "link", file, &errors);
        r.reason = stringOr(t, "reason", file, &errors);
        if (r.id.isEmpty())
            error(t.source(), QStringLiteral("a rule needs an 'id'"));
        if (const toml::node *enabled = t.get("enabled")) {
            if (enabled->is_boolean())
                r.enabled = enabled->as_boolean()->get();
            else
                error(enabled->source(), QStringLiteral("'enabled' must be true or false"));
        }
        if (const toml::node *priority = t.get("priority")) {
            if (auto v = priority->value<int64_t>(); v && *v >= 0 && *v <= 1000)
                r.priority = int(*v);
            else
                error(priority->source(), QStringLiteral("'priority' must be a whole number from 0 to 1000"));
        }
        // A rule that only switches a default rule off needs nothing else.
        if (!r.enabled && !t.contains("target"))
            return errors.size() == before ? std::optional<Rule>(r) : std::nullopt;

        const toml::node *targetNode = t.get("target");
        const QString targetName = targetNode && targetNode->is_string() ? toQString(targetNode->as_string()->get()) : QString();
        const std::optional<RuleTarget> target = ruleTargetFromName(targetName);
        if (!target) {
            error(targetNode ? targetNode->source() : t.source(),
                  QStringLiteral("unknown target '%1' (known: %2)").arg(targetName, ruleTargetNames().join(QStringLiteral(", "))));
        } else {
            r.target = *target;
            const Vocabulary *vocabulary = vocabularyFor(*target);
            if (!vocabulary->contains(r.value)) {
                const toml::node *valueNode = t.get("value");
                error(valueNode ? valueNode->source() : t.source(),
                      QStringLiteral("unknown %1 value '%2' (known: %3)")
                          .arg(targetName, r.value, vocabulary->ids().join(QStringLiteral(", "))));
            }
            if (!r.link.isEmpty() && (*target != RuleTarget::Independence || r.value != u"industry-linked"))
                error(t.get("link")->source(), QStringLiteral("'link' only applies to independence = \"industry-linked\""));
            if (!r.link.isEmpty() && !vocab.industryLink.contains(r.link))
                error(t.get("link")->source(), QStringLiteral("unknown link '%1' (known: %2)")
                                                   .arg(r.link, vocab.industryLink.ids().join(QStringLiteral(", "))));
        }
        if (r.reason.isEmpty())
            error(t.source(), QStringLiteral("rule '%1' needs a 'reason' (shown to the user with every suggestion)").arg(r.id));
        if (const toml::node *when = t.get("when")) {
            if (std::optional<RuleCondition> c = condition(*when))
                r.when = std::move(*c);
        } else {
            error(t.source(), QStringLiteral("rule '%1' needs 'when' conditions").arg(r.id));
        }
        if (errors.size() != before)
            return std::nullopt;
        return r;
    }
};

} // namespace

RuleLoadResult parseRules(const QByteArray &utf8, const QString &displayName, const Vocabularies &vocabularies)
{
    Parser parser{displayName, vocabularies, {}};
    RuleLoadResult result;
    std::optional<toml::table> root = parse(utf8, displayName, &parser.errors);
    if (!root) {
        result.errors = parser.errors;
        return result;
    }
    rejectUnknownKeys(*root, {"rule"}, displayName, &parser.errors);
    QHash<QString, int> lineOfId;
    if (const toml::node *rules = root->get("rule")) {
        const toml::array *array = rules->as_array();
        if (!array) {
            parser.error(rules->source(), QStringLiteral("rules are written as [[rule]] tables"));
        } else {
            for (const toml::node &node : *array) {
                const toml::table *t = node.as_table();
                if (!t) {
                    parser.error(node.source(), QStringLiteral("rules are written as [[rule]] tables"));
                    continue;
                }
                std::optional<Rule> rule = parser.rule(*t);
                if (!rule)
                    continue;
                if (lineOfId.contains(rule->id)) {
                    const toml::node *idNode = t->get("id");
                    parser.error(idNode ? idNode->source() : t->source(),
                                 QStringLiteral("duplicate rule id '%1' (first defined on line %2)")
                                     .arg(rule->id)
                                     .arg(lineOfId.value(rule->id)));
                    continue;
                }
                lineOfId.insert(rule->id, rule->line);
                result.rules.rules.append(std::move(*rule));
            }
        }
    }
    result.errors = parser.errors;
    if (!result.errors.isEmpty())
        result.rules = {};
    else
        result.rules.hash = QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex().left(16);
    return result;
}

RuleLoadResult loadRulesFile(const QString &path, const Vocabularies &vocabularies)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RuleLoadResult result;
        result.errors.append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return result;
    }
    return parseRules(file.readAll(), path, vocabularies);
}

const RuleSet &defaultRules()
{
    static const RuleSet rules = [] {
        RuleLoadResult result = loadRulesFile(QStringLiteral(":/rules/default.toml"), Vocabularies::builtin());
        if (!result.errors.isEmpty())
            qFatal("built-in rules are broken: %s", qPrintable(result.errors.join(u'\n')));
        return result.rules;
    }();
    return rules;
}

RuleLoadResult combineRules(const RuleSet &base, const QString &userFile, const Vocabularies &vocabularies)
{
    RuleLoadResult user = loadRulesFile(userFile, vocabularies);
    if (!user.errors.isEmpty())
        return user;
    RuleLoadResult result;
    result.rules = base;
    for (const Rule &rule : std::as_const(user.rules.rules)) {
        auto it = std::find_if(result.rules.rules.begin(), result.rules.rules.end(),
                               [&](const Rule &r) { return r.id == rule.id; });
        if (it != result.rules.rules.end()) {
            if (!rule.enabled && rule.reason.isEmpty())
                it->enabled = false; // A bare switch-off keeps the default's definition visible.
            else
                *it = rule;
        } else {
            result.rules.rules.append(rule);
        }
    }
    result.rules.hash = QCryptographicHash::hash(QByteArray(base.hash + user.rules.hash), QCryptographicHash::Sha256).toHex().left(16);
    return result;
}

} // namespace mgreview
