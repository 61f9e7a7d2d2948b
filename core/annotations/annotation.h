#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgreview {

/// What an annotation is attached to: one verbatim conclusion of a study, or one page of
/// a PDF attached to it (identified by the PDF's content hash, so a renamed or re-attached
/// file keeps its notes).
struct AnnotationTarget {
    enum class Kind { Conclusion, PdfPage };
    Kind kind = Kind::Conclusion;
    int conclusion = 0;  ///< Conclusion targets: the conclusion's number, from 1 (Study::conclusions order).
    QString pdfSha256;   ///< PdfPage targets: lower-case hex SHA-256 of the PDF.
    int page = 0;        ///< PdfPage targets: the page number, from 1.

    bool operator==(const AnnotationTarget &) const = default;
    static AnnotationTarget onConclusion(int number) { return { Kind::Conclusion, number, {}, 0 }; }
    static AnnotationTarget onPdfPage(const QString &sha256, int page) { return { Kind::PdfPage, 0, sha256, page }; }
    /// "conclusion 2", "PDF 3fa9c1d2… p. 4".
    QString describe() const;
};

/// W3C Web Annotation TextQuoteSelector: the quoted text with some context either side,
/// which finds the span again after the text around it changed.
struct TextQuoteSelector {
    QString exact;
    QString prefix;
    QString suffix;
    bool operator==(const TextQuoteSelector &) const = default;
};

/// W3C Web Annotation TextPositionSelector: character offsets [start, end) into the target
/// text (UTF-16 code units, as QString counts).
struct TextPositionSelector {
    int start = 0;
    int end = 0;
    bool operator==(const TextPositionSelector &) const = default;
};

/// A highlight with a tag and a note, made by one person on one span of text.
///
/// The annotation keeps the words it was made on (quote selector) and where they were
/// (position selector); AnnotationAnchor finds them again when the text is edited.
struct Annotation {
    QString id;          ///< A UUID (without braces); stable across export and import.
    QString studyId;
    AnnotationTarget target;
    TextQuoteSelector quote;
    TextPositionSelector position;
    QString tag;         ///< A vocabulary tag id (annotationtags.h) or a custom tag as typed.
    QString note;        ///< Markdown; may be empty.
    QString author;      ///< The profile name of who made it.
    QDateTime created;   ///< UTC, milliseconds.
    QDateTime modified;  ///< UTC, milliseconds; equals created until the first change.
    bool deleted = false; ///< Deleted annotations stay in the library (and their history).

    bool operator==(const Annotation &) const = default;
};

/// Empty when the annotation can be stored; otherwise what is wrong, in words.
QString validateAnnotation(const Annotation &annotation);

/// The annotation as one JSON object (the history's before/after states).
QJsonObject annotationToJson(const Annotation &annotation);
/// The reverse of annotationToJson; nullopt and *error for a damaged state.
std::optional<Annotation> annotationFromJson(const QJsonObject &object, QString *error);

/// Timestamps as stored: UTC with milliseconds ("2026-03-01T10:00:00.000Z").
QString annotationTime(const QDateTime &time);
QDateTime parseAnnotationTime(const QString &text);

} // namespace mgreview
