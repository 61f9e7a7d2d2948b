#include "annotations/annotationtags.h"

#include "io/tomlsupport.h"

#include <QFile>

namespace mgreview {

using namespace tomlsupport;

bool AnnotationTags::load(const QString &path, AnnotationTags *out, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return false;
    }
    const qsizetype before = errors->size();
    std::optional<toml::table> root = parse(file.readAll(), path, errors);
    if (!root)
        return false;
    rejectUnknownKeys(*root, { "term" }, path, errors);
    QVector<VocabularyTerm> terms;
    if (const toml::array *array = root->get_as<toml::array>("term")) {
        for (const toml::node &node : *array) {
            const toml::table *table = node.as_table();
            if (!table) {
                errors->append(located(path, node, QStringLiteral("[[term]] must be a table")));
                continue;
            }
            rejectUnknownKeys(*table, { "id", "label", "short", "symbol" }, path, errors);
            VocabularyTerm term;
            term.id = stringOr(*table, "id", path, errors);
            term.label = stringOr(*table, "label", path, errors);
            term.shortLabel = stringOr(*table, "short", path, errors);
            term.symbol = stringOr(*table, "symbol", path, errors);
            if (term.id.isEmpty() || term.label.isEmpty()) {
                errors->append(located(path, node, QStringLiteral("a tag needs an id and a label")));
                continue;
            }
            terms.append(term);
        }
    }
    *out = AnnotationTags(Vocabulary(QStringLiteral("annotation_tag"), terms));
    return errors->size() == before;
}

const AnnotationTags &AnnotationTags::builtin()
{
    static const AnnotationTags instance = [] {
        AnnotationTags tags;
        QStringList errors;
        if (!load(QStringLiteral(":/vocabularies/annotation_tag.toml"), &tags, &errors))
            qFatal("built-in annotation tags are broken: %s", qPrintable(errors.join(u'\n')));
        return tags;
    }();
    return instance;
}

namespace {

QString folded(const QString &text)
{
    return text.simplified().toLower().replace(u'_', u' ').replace(u'-', u' ');
}

} // namespace

QString AnnotationTags::normalize(const QString &text) const
{
    const QString key = folded(text);
    if (key.isEmpty())
        return {};
    for (const VocabularyTerm &term : m_vocabulary.terms()) {
        if (folded(term.id) == key || folded(term.label) == key)
            return term.id;
    }
    return text.simplified();
}

QString AnnotationTags::label(const QString &tag) const
{
    return m_vocabulary.label(tag);
}

QString AnnotationTags::validate(const QString &text)
{
    const QString tag = text.simplified();
    if (tag.isEmpty())
        return QStringLiteral("a tag cannot be blank");
    if (tag.size() > 60)
        return QStringLiteral("a tag has at most 60 characters (got %1)").arg(tag.size());
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\t')
            return QStringLiteral("a tag cannot hold control characters");
    }
    return {};
}

} // namespace mgreview
