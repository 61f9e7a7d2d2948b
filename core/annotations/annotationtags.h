#pragma once

#include "model/vocabulary.h"

#include <QString>
#include <QStringList>

namespace mgreview {

/// The tags people give annotations: a vocabulary (resources/vocabularies/annotation_tag.toml:
/// key finding, overstated, population mismatch, …) plus any custom tag a person types.
class AnnotationTags
{
public:
    AnnotationTags() = default;
    explicit AnnotationTags(Vocabulary vocabulary) : m_vocabulary(std::move(vocabulary)) { }

    /// Loads a tag vocabulary file; false and "file:line:column: message" lines on error.
    static bool load(const QString &path, AnnotationTags *out, QStringList *errors);
    /// The compiled-in tags (loaded once, thread-safe).
    static const AnnotationTags &builtin();

    const Vocabulary &vocabulary() const { return m_vocabulary; }
    /// The tag to store for what a person typed or chose: a vocabulary id when `text` is one
    /// of its ids or labels (any case, '_' and ' ' alike: "Key finding", "key_finding"),
    /// otherwise the custom tag, trimmed with inner spaces collapsed. Empty for blank text.
    QString normalize(const QString &text) const;
    /// The label to show ("Key finding"); a custom tag shows as stored.
    QString label(const QString &tag) const;
    bool isCustom(const QString &tag) const { return !m_vocabulary.contains(tag); }
    /// Empty when `text` can be a tag; else why not (blank, over 60 characters, control characters).
    static QString validate(const QString &text);

private:
    Vocabulary m_vocabulary;
};

} // namespace mgreview
