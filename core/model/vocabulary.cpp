#include "model/vocabulary.h"

#include "io/tomlsupport.h"

#include <QDir>
#include <QFile>

namespace mgreview {

using namespace tomlsupport;

Vocabulary::Vocabulary(QString name, QVector<VocabularyTerm> terms)
    : m_name(std::move(name)), m_terms(std::move(terms))
{
    for (int i = 0; i < m_terms.size(); ++i)
        m_index.insert(m_terms.at(i).id, i);
}

const VocabularyTerm *Vocabulary::term(const QString &id) const
{
    const int i = m_index.value(id, -1);
    return i < 0 ? nullptr : &m_terms.at(i);
}

QString Vocabulary::label(const QString &id) const
{
    const VocabularyTerm *t = term(id);
    return t ? t->label : id;
}

QString Vocabulary::shortLabel(const QString &id) const
{
    const VocabularyTerm *t = term(id);
    if (!t)
        return id;
    return t->shortLabel.isEmpty() ? t->label : t->shortLabel;
}

QStringList Vocabulary::ids() const
{
    QStringList out;
    out.reserve(m_terms.size());
    for (const VocabularyTerm &t : m_terms)
        out.append(t.id);
    return out;
}

namespace {

bool loadOne(const QString &folder, const QString &name, Vocabulary *out, QStringList *errors)
{
    const QString path = folder + u'/' + name + QStringLiteral(".toml");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return false;
    }
    const int before = int(errors->size());
    std::optional<toml::table> root = parse(file.readAll(), path, errors);
    if (!root)
        return false;
    rejectUnknownKeys(*root, {"term"}, path, errors);
    QVector<VocabularyTerm> terms;
    if (const toml::array *array = root->get_as<toml::array>("term")) {
        for (const toml::node &node : *array) {
            const toml::table *table = node.as_table();
            if (!table) {
                errors->append(located(path, node, QStringLiteral("[[term]] must be a table")));
                continue;
            }
            rejectUnknownKeys(*table, {"id", "label", "short", "symbol", "synonyms", "rank"}, path,
                              errors);
            VocabularyTerm term;
            term.id = stringOr(*table, "id", path, errors);
            term.label = stringOr(*table, "label", path, errors);
            term.shortLabel = stringOr(*table, "short", path, errors);
            term.symbol = stringOr(*table, "symbol", path, errors);
            term.synonyms = stringList(*table, "synonyms", path, errors);
            if (const toml::node *rank = table->get("rank")) {
                // A mistyped rank would silently reorder the evidence: say so instead.
                if (const auto *value = rank->as_integer())
                    term.rank = int(value->get());
                else
                    errors->append(located(path, *rank, QStringLiteral("'rank' must be a whole number")));
            }
            if (term.id.isEmpty() || term.label.isEmpty()) {
                errors->append(located(path, node, QStringLiteral("a term needs an id and a label")));
                continue;
            }
            for (const VocabularyTerm &seen : std::as_const(terms)) {
                if (seen.id == term.id)
                    errors->append(located(path, node,
                                           QStringLiteral("duplicate term id '%1'").arg(term.id)));
            }
            terms.append(term);
        }
    }
    *out = Vocabulary(name, terms);
    return errors->size() == before;
}

} // namespace

bool Vocabularies::load(const QString &folder, QStringList *errors)
{
    bool ok = true;
    ok &= loadOne(folder, QStringLiteral("population"), &population, errors);
    ok &= loadOne(folder, QStringLiteral("cramp_type"), &crampType, errors);
    ok &= loadOne(folder, QStringLiteral("design"), &design, errors);
    ok &= loadOne(folder, QStringLiteral("direction"), &direction, errors);
    ok &= loadOne(folder, QStringLiteral("certainty"), &certainty, errors);
    ok &= loadOne(folder, QStringLiteral("funder_type"), &funderType, errors);
    ok &= loadOne(folder, QStringLiteral("independence"), &independence, errors);
    ok &= loadOne(folder, QStringLiteral("industry_link"), &industryLink, errors);
    ok &= loadOne(folder, QStringLiteral("conclusion_source"), &conclusionSource, errors);
    ok &= loadOne(folder, QStringLiteral("claim_source"), &claimSource, errors);
    return ok;
}

const Vocabularies &Vocabularies::builtin()
{
    // The compiled-in files are checked by the tests; a failure here is a build defect.
    static const Vocabularies instance = [] {
        Vocabularies v;
        QStringList errors;
        if (!v.load(QStringLiteral(":/vocabularies"), &errors))
            qFatal("built-in vocabularies are broken: %s", qPrintable(errors.join(u'\n')));
        return v;
    }();
    return instance;
}

} // namespace mgreview
