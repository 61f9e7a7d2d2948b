#include "format/studyjson.h"

#include <QJsonArray>

namespace mgreview {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFrom(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<double> numberFrom(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    return std::nullopt;
}

} // namespace

QJsonObject studyToJson(const Study &s)
{
    QJsonObject o;
    o[u"id"] = s.id;
    o[u"title"] = s.citation.title;
    o[u"authors"] = strings(s.citation.authors);
    o[u"year"] = s.citation.year;
    o[u"doi"] = s.ids.doi;
    o[u"pmid"] = s.ids.pmid;
    o[u"pmcid"] = s.ids.pmcid;
    o[u"registration"] = s.ids.registration;
    o[u"citation"] = QJsonObject{{QStringLiteral("text"), s.citation.text},
                                 {QStringLiteral("journal"), s.citation.journal},
                                 {QStringLiteral("year_note"), s.citation.yearNote},
                                 {QStringLiteral("volume"), s.citation.volume},
                                 {QStringLiteral("issue"), s.citation.issue},
                                 {QStringLiteral("pages"), s.citation.pages}};
    o[u"design"] = s.design;
    o[u"design_text"] = s.designText;
    o[u"populations"] = strings(s.populations);
    o[u"population_text"] = s.populationText;
    o[u"cramp_types"] = strings(s.crampTypes);
    o[u"cramp_type_text"] = strings(s.crampTypeText);
    const Intervention &i = s.intervention;
    o[u"intervention"] = QJsonObject{{QStringLiteral("text"), i.text},   {QStringLiteral("agent"), i.agent}, {QStringLiteral("salt"), i.salt},
                                     {QStringLiteral("route"), i.route}, {QStringLiteral("dose"), i.dose},   {QStringLiteral("duration"), i.duration},
                                     {QStringLiteral("comparator"), i.comparator}};
    o[u"sample_size"] = s.sampleSize ? QJsonValue(*s.sampleSize) : QJsonValue(QJsonValue::Null);
    o[u"sample_text"] = s.sampleText;
    o[u"abstract"] = s.abstract;
    o[u"keywords"] = strings(s.keywords);
    o[u"publication_types"] = strings(s.publicationTypes);
    o[u"direction"] = s.direction;
    o[u"certainty"] = s.certainty;

    QJsonArray effects;
    for (const EffectEstimate &e : s.effects)
        effects.append(QJsonObject{{QStringLiteral("outcome"), e.outcome}, {QStringLiteral("measure"), e.measure},
                                   {QStringLiteral("value"), optionalNumber(e.value)}, {QStringLiteral("ci_low"), optionalNumber(e.ciLow)},
                                   {QStringLiteral("ci_high"), optionalNumber(e.ciHigh)}, {QStringLiteral("unit"), e.unit},
                                   {QStringLiteral("certainty"), e.certainty}, {QStringLiteral("text"), e.text}});
    o[u"effects"] = effects;

    QJsonArray conclusions;
    for (const Conclusion &c : s.conclusions)
        conclusions.append(QJsonObject{{QStringLiteral("text"), c.text}, {QStringLiteral("source"), c.source}, {QStringLiteral("where"), c.where}, {QStringLiteral("note"), c.note}});
    o[u"conclusions"] = conclusions;

    QJsonArray claims;
    for (const Claim &c : s.claims)
        claims.append(QJsonObject{{QStringLiteral("by"), c.by}, {QStringLiteral("kind"), c.kind}, {QStringLiteral("text"), c.text}, {QStringLiteral("note"), c.note}});
    o[u"claims"] = claims;

    QJsonArray funders;
    for (const Funder &f : s.funding.funders)
        funders.append(QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("type"), f.type}, {QStringLiteral("source"), f.source}});
    o[u"funding"] = QJsonObject{{QStringLiteral("statement"), s.funding.statement}, {QStringLiteral("coi"), s.funding.coiStatement},
                                {QStringLiteral("notes"), s.funding.notes}, {QStringLiteral("funders"), funders}};
    o[u"independence"] = QJsonObject{{QStringLiteral("value"), s.independence.value}, {QStringLiteral("link"), s.independence.link},
                                     {QStringLiteral("source"), toString(s.independence.source)},
                                     {QStringLiteral("reason"), s.independence.reason}};
    o[u"open_access"] = s.openAccess;
    o[u"sources"] = strings(s.sources);

    QJsonArray facts;
    for (const ExtraFact &f : s.extraFacts)
        facts.append(QJsonObject{{QStringLiteral("label"), f.label}, {QStringLiteral("text"), f.text}});
    o[u"facts"] = facts;

    QJsonObject notVerified;
    for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
        notVerified[it.key()] = it.value();
    o[u"not_verified"] = notVerified;
    return o;
}

std::optional<Study> studyFromJson(const QJsonObject &o, QString *error)
{
    Study s;
    s.id = o[u"id"].toString();
    if (s.id.isEmpty()) {
        *error = QStringLiteral("study record without an id");
        return std::nullopt;
    }
    const QJsonObject citation = o[u"citation"].toObject();
    s.citation.text = citation[u"text"].toString();
    s.citation.authors = stringsFrom(o[u"authors"]);
    s.citation.title = o[u"title"].toString();
    s.citation.journal = citation[u"journal"].toString();
    s.citation.year = o[u"year"].toInt();
    s.citation.yearNote = citation[u"year_note"].toString();
    s.citation.volume = citation[u"volume"].toString();
    s.citation.issue = citation[u"issue"].toString();
    s.citation.pages = citation[u"pages"].toString();
    s.ids = {o[u"doi"].toString(), o[u"pmid"].toString(), o[u"pmcid"].toString(), o[u"registration"].toString()};
    s.design = o[u"design"].toString();
    s.designText = o[u"design_text"].toString();
    s.populations = stringsFrom(o[u"populations"]);
    s.populationText = o[u"population_text"].toString();
    s.crampTypes = stringsFrom(o[u"cramp_types"]);
    s.crampTypeText = stringsFrom(o[u"cramp_type_text"]);
    const QJsonObject i = o[u"intervention"].toObject();
    s.intervention = {i[u"text"].toString(), i[u"agent"].toString(), i[u"salt"].toString(),
                      i[u"route"].toString(), i[u"dose"].toString(), i[u"duration"].toString(),
                      i[u"comparator"].toString()};
    if (o[u"sample_size"].isDouble())
        s.sampleSize = o[u"sample_size"].toInt();
    s.sampleText = o[u"sample_text"].toString();
    s.abstract = o[u"abstract"].toString();
    s.keywords = stringsFrom(o[u"keywords"]);
    s.publicationTypes = stringsFrom(o[u"publication_types"]);
    s.direction = o[u"direction"].toString();
    s.certainty = o[u"certainty"].toString();
    for (const QJsonValue &v : o[u"effects"].toArray()) {
        const QJsonObject e = v.toObject();
        s.effects.append({e[u"outcome"].toString(), e[u"measure"].toString(), numberFrom(e[u"value"]),
                          numberFrom(e[u"ci_low"]), numberFrom(e[u"ci_high"]), e[u"unit"].toString(),
                          e[u"certainty"].toString(), e[u"text"].toString()});
    }
    for (const QJsonValue &v : o[u"conclusions"].toArray()) {
        const QJsonObject c = v.toObject();
        s.conclusions.append({c[u"text"].toString(), c[u"source"].toString(), c[u"where"].toString(),
                              c[u"note"].toString()});
    }
    for (const QJsonValue &v : o[u"claims"].toArray()) {
        const QJsonObject c = v.toObject();
        s.claims.append({c[u"by"].toString(), c[u"kind"].toString(), c[u"text"].toString(), c[u"note"].toString()});
    }
    const QJsonObject funding = o[u"funding"].toObject();
    s.funding.statement = funding[u"statement"].toString();
    s.funding.coiStatement = funding[u"coi"].toString();
    s.funding.notes = funding[u"notes"].toString();
    for (const QJsonValue &v : funding[u"funders"].toArray()) {
        const QJsonObject f = v.toObject();
        s.funding.funders.append({f[u"name"].toString(), f[u"type"].toString(), f[u"source"].toString()});
    }
    const QJsonObject independence = o[u"independence"].toObject();
    s.independence = {independence[u"value"].toString(), independence[u"link"].toString(),
                      independence[u"reason"].toString(),
                      classificationSourceFromString(independence[u"source"].toString())};
    s.openAccess = o[u"open_access"].toString();
    s.sources = stringsFrom(o[u"sources"]);
    for (const QJsonValue &v : o[u"facts"].toArray()) {
        const QJsonObject f = v.toObject();
        s.extraFacts.append({f[u"label"].toString(), f[u"text"].toString()});
    }
    const QJsonObject notVerified = o[u"not_verified"].toObject();
    for (auto it = notVerified.constBegin(); it != notVerified.constEnd(); ++it)
        s.notVerified.insert(it.key(), it.value().toString());
    return s;
}

} // namespace mgreview
