#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

/// One term of a controlled vocabulary.
struct VocabularyTerm {
    QString id;
    QString label;
    QString shortLabel;
    QString symbol;       ///< A non-colour mark (e.g. for directions).
    QStringList synonyms; ///< Phrases the classification rules look for.
    int rank = 0;         ///< Evidence order for designs: 1 is strongest.
};

/// An ordered list of terms, e.g. the populations. Order is the display order.
class Vocabulary
{
public:
    Vocabulary() = default;
    Vocabulary(QString name, QVector<VocabularyTerm> terms);

    const QString &name() const { return m_name; }
    const QVector<VocabularyTerm> &terms() const { return m_terms; }
    bool contains(const QString &id) const { return m_index.contains(id); }
    /// The term with this id, or nullptr.
    const VocabularyTerm *term(const QString &id) const;
    /// The label for an id; the id itself when unknown, so nothing is ever hidden.
    QString label(const QString &id) const;
    QString shortLabel(const QString &id) const;
    /// Position in display order, or -1.
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    QStringList ids() const;

private:
    QString m_name;
    QVector<VocabularyTerm> m_terms;
    QHash<QString, int> m_index;
};

/// All vocabularies the app uses (resources/vocabularies/*.toml).
struct Vocabularies {
    Vocabulary population;
    Vocabulary crampType;
    Vocabulary design;
    Vocabulary direction;
    Vocabulary certainty;
    Vocabulary funderType;
    Vocabulary independence;
    Vocabulary industryLink;
    Vocabulary conclusionSource;
    Vocabulary claimSource;

    /// Loads every vocabulary from a folder (or a Qt resource path such as ":/vocabularies").
    /// On failure returns false and appends "file:line:column: message" lines to errors.
    bool load(const QString &folder, QStringList *errors);

    /// The vocabularies compiled into the library (loaded once, thread-safe).
    static const Vocabularies &builtin();
};

} // namespace mgreview
