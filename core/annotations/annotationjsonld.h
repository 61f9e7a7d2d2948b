#pragma once

#include "annotations/annotation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

/// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in JSON-LD.
///
/// An annotation becomes:
///
///     { "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:…", "type": "Annotation",
///       "created": "…Z", "modified": "…Z", "creator": { "type": "Person", "name": "Stu" },
///       "body": [ { "type": "TextualBody", "purpose": "commenting", "value": "…", "format": "text/markdown" },
///                 { "type": "TextualBody", "purpose": "tagging", "value": "overstated" } ],
///       "target": { "source": "urn:mgreview:study:ID:conclusion:2", "scope": "urn:mgreview:study:ID",
///                   "selector": [ { "type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": … },
///                                 { "type": "TextPositionSelector", "start": 10, "end": 42 } ] } }
///
/// A PDF page target has "source": "urn:sha256:HEX" and a third selector
/// { "type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3778", "value": "page=4" }.
/// A deleted annotation is not exported. Several annotations form an AnnotationCollection
/// whose first AnnotationPage holds them all.
namespace AnnotationJsonLd {

inline constexpr char kContext[] = "http://www.w3.org/ns/anno.jsonld";

QJsonObject toJson(const Annotation &annotation, bool withContext = true);
/// The collection, indented UTF-8 ending in a newline. `label` names it ("Annotations by Stu").
QByteArray collectionText(const QVector<Annotation> &annotations, const QString &label);

/// Reads one annotation; nullopt and *error (what is wrong, and which annotation) otherwise.
std::optional<Annotation> fromJson(const QJsonObject &object, QString *error);
/// Reads a file's content: an AnnotationCollection, an AnnotationPage, one Annotation or an
/// array of them. *error says where the first problem is ("annotation 3 (urn:uuid:…): …").
std::optional<QVector<Annotation>> parse(const QByteArray &json, QString *error);

} // namespace AnnotationJsonLd
} // namespace mgreview
