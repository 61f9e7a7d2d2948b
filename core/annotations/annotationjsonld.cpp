#include "annotations/annotationjsonld.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace mgreview::AnnotationJsonLd {

namespace {

const QString kStudyUrn = QStringLiteral("urn:mgreview:study:");
const QString kSha256Urn = QStringLiteral("urn:sha256:");
const QString kUuidUrn = QStringLiteral("urn:uuid:");
const QString kPdfFragment = QStringLiteral("http://tools.ietf.org/rfc/rfc3778");

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

/// A JSON-LD value that may be one object or an array of them, as a list.
QJsonArray many(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isUndefined() || value.isNull())
        return {};
    return QJsonArray { value };
}

bool hasType(const QJsonObject &o, const QString &type)
{
    for (const QJsonValue &t : many(o.value(s("type"))))
        if (t.toString() == type)
            return true;
    return false;
}

} // namespace

QJsonObject toJson(const Annotation &a, bool withContext)
{
    QJsonObject o;
    if (withContext)
        o.insert(s("@context"), s(kContext));
    o.insert(s("id"), QString(kUuidUrn + a.id));
    o.insert(s("type"), s("Annotation"));
    o.insert(s("created"), annotationTime(a.created));
    o.insert(s("modified"), annotationTime(a.modified));
    o.insert(s("creator"), QJsonObject { { s("type"), s("Person") }, { s("name"), a.author } });
    QJsonArray body;
    body.append(QJsonObject { { s("type"), s("TextualBody") }, { s("purpose"), s("commenting") },
        { s("value"), a.note }, { s("format"), s("text/markdown") } });
    body.append(QJsonObject { { s("type"), s("TextualBody") }, { s("purpose"), s("tagging") }, { s("value"), a.tag } });
    o.insert(s("body"), body);

    QJsonArray selectors;
    selectors.append(QJsonObject { { s("type"), s("TextQuoteSelector") }, { s("exact"), a.quote.exact },
        { s("prefix"), a.quote.prefix }, { s("suffix"), a.quote.suffix } });
    selectors.append(QJsonObject { { s("type"), s("TextPositionSelector") }, { s("start"), a.position.start },
        { s("end"), a.position.end } });
    QJsonObject target;
    if (a.target.kind == AnnotationTarget::Kind::PdfPage) {
        target.insert(s("source"), QString(kSha256Urn + a.target.pdfSha256));
        selectors.append(QJsonObject { { s("type"), s("FragmentSelector") }, { s("conformsTo"), kPdfFragment },
            { s("value"), QStringLiteral("page=%1").arg(a.target.page) } });
    } else {
        target.insert(s("source"), QStringLiteral("%1%2:conclusion:%3").arg(kStudyUrn, a.studyId).arg(a.target.conclusion));
    }
    target.insert(s("scope"), QString(kStudyUrn + a.studyId));
    target.insert(s("selector"), selectors);
    o.insert(s("target"), target);
    return o;
}

QByteArray collectionText(const QVector<Annotation> &annotations, const QString &label)
{
    QJsonArray items;
    for (const Annotation &a : annotations) {
        if (!a.deleted)
            items.append(toJson(a, false));
    }
    const QJsonObject page { { s("type"), s("AnnotationPage") }, { s("startIndex"), 0 }, { s("items"), items } };
    const QJsonObject collection { { s("@context"), s(kContext) }, { s("type"), s("AnnotationCollection") },
        { s("label"), label }, { s("total"), items.size() }, { s("first"), page } };
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

std::optional<Annotation> fromJson(const QJsonObject &o, QString *error)
{
    if (!hasType(o, s("Annotation"))) {
        *error = QStringLiteral("not an Annotation (\"type\" must be \"Annotation\")");
        return std::nullopt;
    }
    Annotation a;
    QString id = o.value(s("id")).toString();
    if (id.startsWith(kUuidUrn))
        id = id.mid(kUuidUrn.size());
    a.id = id;
    a.created = parseAnnotationTime(o.value(s("created")).toString());
    a.modified = o.contains(s("modified")) ? parseAnnotationTime(o.value(s("modified")).toString()) : a.created;
    const QJsonValue creator = o.value(s("creator"));
    a.author = creator.isObject() ? creator.toObject().value(s("name")).toString() : creator.toString();

    for (const QJsonValue &value : many(o.value(s("body")))) {
        const QJsonObject body = value.toObject();
        const QString purpose = body.value(s("purpose")).toString();
        if (purpose == u"tagging")
            a.tag = body.value(s("value")).toString();
        else if (purpose == u"commenting" || purpose.isEmpty())
            a.note = body.value(s("value")).toString();
    }

    const QJsonArray targets = many(o.value(s("target")));
    if (targets.size() != 1 || !targets.first().isObject()) {
        *error = QStringLiteral("needs exactly one target object");
        return std::nullopt;
    }
    const QJsonObject target = targets.first().toObject();
    const QString source = target.value(s("source")).toString();
    const QString scope = target.value(s("scope")).toString();
    if (scope.startsWith(kStudyUrn))
        a.studyId = scope.mid(kStudyUrn.size());
    bool hasQuote = false, hasPosition = false;
    int page = 0;
    for (const QJsonValue &value : many(target.value(s("selector")))) {
        const QJsonObject selector = value.toObject();
        if (hasType(selector, s("TextQuoteSelector"))) {
            a.quote = { selector.value(s("exact")).toString(), selector.value(s("prefix")).toString(),
                selector.value(s("suffix")).toString() };
            hasQuote = true;
        } else if (hasType(selector, s("TextPositionSelector"))) {
            a.position = { selector.value(s("start")).toInt(-1), selector.value(s("end")).toInt(-1) };
            hasPosition = true;
        } else if (hasType(selector, s("FragmentSelector"))) {
            static const QRegularExpression pageValue(QStringLiteral("^page=(\\d+)$"));
            const QRegularExpressionMatch m = pageValue.match(selector.value(s("value")).toString());
            if (m.hasMatch())
                page = m.captured(1).toInt();
        }
    }
    if (!hasQuote) {
        *error = QStringLiteral("the target has no TextQuoteSelector");
        return std::nullopt;
    }
    if (!hasPosition) // The quote alone anchors it; the position is only a hint.
        a.position = { 0, int(a.quote.exact.size()) };

    if (source.startsWith(kSha256Urn)) {
        a.target = AnnotationTarget::onPdfPage(source.mid(kSha256Urn.size()).toLower(), page);
    } else {
        static const QRegularExpression conclusion(QStringLiteral("^urn:mgreview:study:(.+):conclusion:(\\d+)$"));
        const QRegularExpressionMatch m = conclusion.match(source);
        if (!m.hasMatch()) {
            *error = QStringLiteral("the target source '%1' is neither a study conclusion (urn:mgreview:study:ID:"
                                    "conclusion:N) nor a PDF (urn:sha256:HEX)")
                         .arg(source);
            return std::nullopt;
        }
        if (a.studyId.isEmpty())
            a.studyId = m.captured(1);
        a.target = AnnotationTarget::onConclusion(m.captured(2).toInt());
    }
    if (const QString invalid = validateAnnotation(a); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return a;
}

std::optional<QVector<Annotation>> parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else {
        const QJsonObject root = doc.object();
        if (hasType(root, s("AnnotationCollection"))) {
            // Pages are chained by "next" only in paged web services; a file holds them inline.
            QJsonValue page = root.value(s("first"));
            while (page.isObject()) {
                for (const QJsonValue &item : many(page.toObject().value(s("items"))))
                    items.append(item);
                page = page.toObject().value(s("next"));
            }
        } else if (hasType(root, s("AnnotationPage"))) {
            items = many(root.value(s("items")));
        } else {
            items.append(root);
        }
    }
    QVector<Annotation> out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        QString itemError;
        const QJsonObject object = items.at(i).toObject();
        const std::optional<Annotation> a = fromJson(object, &itemError);
        if (!a) {
            *error = QStringLiteral("annotation %1 (%2): %3")
                         .arg(i + 1)
                         .arg(object.value(s("id")).toString(QStringLiteral("no id")), itemError);
            return std::nullopt;
        }
        out.append(*a);
    }
    return out;
}

} // namespace mgreview::AnnotationJsonLd
