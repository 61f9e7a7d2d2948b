#include "io/studyfile.h"

#include "io/tomlsupport.h"
#include "model/vocabulary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace mgreview {

using namespace tomlsupport;

namespace {

/// Collects errors for one file and validates vocabulary ids.
struct Reader {
    QString file;
    const Vocabularies &vocab;
    QStringList errors;

    const toml::table *table(const toml::table &parent, std::string_view key, bool required)
    {
        const toml::node *node = parent.get(key);
        if (!node) {
            if (required)
                errors.append(QStringLiteral("%1:1:1: missing required table [%2]")
                                  .arg(file, toQString(key)));
            return nullptr;
        }
        const toml::table *t = node->as_table();
        if (!t)
            errors.append(located(file, *node, QStringLiteral("'%1' must be a table").arg(toQString(key))));
        return t;
    }

    QString str(const toml::table &t, std::string_view key) { return stringOr(t, key, file, &errors); }
    QStringList list(const toml::table &t, std::string_view key) { return stringList(t, key, file, &errors); }

    void checkCode(const toml::table &t, std::string_view key, const QString &value,
                   const Vocabulary &vocabulary, bool allowEmpty = true)
    {
        if (value.isEmpty() && allowEmpty)
            return;
        if (!vocabulary.contains(value)) {
            const toml::node *node = t.get(key);
            errors.append(located(file, node ? node->source() : t.source(),
                                  QStringLiteral("unknown %1 '%2' (known: %3)")
                                      .arg(vocabulary.name(), value,
                                           vocabulary.ids().join(QStringLiteral(", ")))));
        }
    }

    void checkCodes(const toml::table &t, std::string_view key, const Vocabulary &vocabulary)
    {
        // Point at the offending element, not at the start of the array: lists can be long.
        const toml::array *array = t.get_as<toml::array>(key);
        if (!array)
            return;
        for (const toml::node &element : *array) {
            const auto *value = element.as_string();
            if (!value)
                continue; // stringList() has reported it already
            const QString id = toQString(value->get());
            if (!vocabulary.contains(id))
                errors.append(located(file, element,
                                      QStringLiteral("unknown %1 '%2' (known: %3)")
                                          .arg(vocabulary.name(), id, vocabulary.ids().join(QStringLiteral(", ")))));
        }
    }

    std::optional<double> number(const toml::table &t, std::string_view key)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return std::nullopt;
        if (auto v = node->value<double>())
            return *v;
        errors.append(located(file, *node, QStringLiteral("'%1' must be a number").arg(toQString(key))));
        return std::nullopt;
    }

    template<typename Fn>
    void eachTable(const toml::table &parent, std::string_view key, Fn fn)
    {
        const toml::node *node = parent.get(key);
        if (!node)
            return;
        const toml::array *array = node->as_array();
        if (!array) {
            errors.append(located(file, *node,
                                  QStringLiteral("'%1' must be an array of tables ([[%1]])").arg(toQString(key))));
            return;
        }
        for (const toml::node &element : *array) {
            if (const toml::table *t = element.as_table())
                fn(*t);
            else
                errors.append(located(file, element, QStringLiteral("[[%1]] entries must be tables").arg(toQString(key))));
        }
    }
};

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_]+$"));
    return re;
}

void readCitation(Reader &r, const toml::table &t, Citation *c)
{
    rejectUnknownKeys(t, {"text", "authors", "title", "journal", "year", "year_note", "volume", "issue", "pages"},
                      r.file, &r.errors);
    c->text = r.str(t, "text");
    c->authors = r.list(t, "authors");
    c->title = r.str(t, "title");
    c->journal = r.str(t, "journal");
    if (const toml::node *year = t.get("year")) {
        if (auto v = year->value<int64_t>(); v && *v >= 0 && *v < 3000)
            c->year = int(*v);
        else
            r.errors.append(located(r.file, *year, QStringLiteral("'year' must be a whole number (0 if unknown)")));
    }
    c->yearNote = r.str(t, "year_note");
    c->volume = r.str(t, "volume");
    c->issue = r.str(t, "issue");
    c->pages = r.str(t, "pages");
}

void readFunding(Reader &r, const toml::table &t, Funding *f)
{
    rejectUnknownKeys(t, {"statement", "coi", "notes", "funders"}, r.file, &r.errors);
    f->statement = r.str(t, "statement");
    f->coiStatement = r.str(t, "coi");
    f->notes = r.str(t, "notes");
    r.eachTable(t, "funders", [&](const toml::table &ft) {
        rejectUnknownKeys(ft, {"name", "type", "source"}, r.file, &r.errors);
        Funder funder{r.str(ft, "name"), r.str(ft, "type"), r.str(ft, "source")};
        r.checkCode(ft, "type", funder.type, r.vocab.funderType);
        if (funder.name.isEmpty())
            r.errors.append(located(r.file, ft, QStringLiteral("a funder needs a name")));
        f->funders.append(funder);
    });
}

void readBody(Reader &r, const toml::table &root, Study *s)
{
    rejectUnknownKeys(root,
                      {"id", "sources", "open_access", "abstract", "keywords", "publication_types", "citation", "identifiers", "design", "population",
                       "cramp_types", "intervention", "sample", "outcome", "effects", "conclusions",
                       "claims", "funding", "independence", "facts", "not_verified"},
                      r.file, &r.errors);
    s->id = r.str(root, "id");
    if (!idPattern().match(s->id).hasMatch())
        r.errors.append(located(r.file, root.get("id") ? root.get("id")->source() : root.source(),
                                QStringLiteral("'id' must be lowercase letters, digits and '_' (got '%1')").arg(s->id)));
    s->sources = r.list(root, "sources");
    s->openAccess = r.str(root, "open_access");
    s->abstract = r.str(root, "abstract");
    s->keywords = r.list(root, "keywords");
    s->publicationTypes = r.list(root, "publication_types");

    if (const toml::table *t = r.table(root, "citation", true))
        readCitation(r, *t, &s->citation);
    if (const toml::table *t = r.table(root, "identifiers", false)) {
        rejectUnknownKeys(*t, {"doi", "pmid", "pmcid", "registration"}, r.file, &r.errors);
        s->ids = {r.str(*t, "doi"), r.str(*t, "pmid"), r.str(*t, "pmcid"), r.str(*t, "registration")};
        // A bare identifier or nothing: remarks such as "(unverified)" belong in [not_verified],
        // where the app shows them, never inside the identifier a link is made from.
        static const QRegularExpression doi(QStringLiteral("^10\\.[0-9]{4,9}/\\S+$"));
        if (!s->ids.doi.isEmpty() && !doi.match(s->ids.doi).hasMatch())
            r.errors.append(located(r.file, *t->get("doi"),
                                    QStringLiteral("a DOI looks like '10.1234/suffix' without spaces (got '%1')").arg(s->ids.doi)));
        static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
        if (!s->ids.pmid.isEmpty() && !digits.match(s->ids.pmid).hasMatch())
            r.errors.append(located(r.file, *t->get("pmid"), QStringLiteral("a PMID is digits only (got '%1')").arg(s->ids.pmid)));
        static const QRegularExpression pmcid(QStringLiteral("^PMC[0-9]+$"));
        if (!s->ids.pmcid.isEmpty() && !pmcid.match(s->ids.pmcid).hasMatch())
            r.errors.append(located(r.file, *t->get("pmcid"), QStringLiteral("a PMCID is 'PMC' and digits (got '%1')").arg(s->ids.pmcid)));
    }
    if (const toml::table *t = r.table(root, "design", true)) {
        rejectUnknownKeys(*t, {"code", "text"}, r.file, &r.errors);
        s->design = r.str(*t, "code");
        s->designText = r.str(*t, "text");
        r.checkCode(*t, "code", s->design, r.vocab.design);
    }
    if (const toml::table *t = r.table(root, "population", true)) {
        rejectUnknownKeys(*t, {"codes", "text"}, r.file, &r.errors);
        s->populations = r.list(*t, "codes");
        s->populationText = r.str(*t, "text");
        r.checkCodes(*t, "codes", r.vocab.population);
    }
    if (const toml::table *t = r.table(root, "cramp_types", true)) {
        rejectUnknownKeys(*t, {"codes", "text"}, r.file, &r.errors);
        s->crampTypes = r.list(*t, "codes");
        s->crampTypeText = r.list(*t, "text");
        r.checkCodes(*t, "codes", r.vocab.crampType);
    }
    if (const toml::table *t = r.table(root, "intervention", false)) {
        rejectUnknownKeys(*t, {"text", "agent", "salt", "route", "dose", "duration", "comparator"}, r.file, &r.errors);
        Intervention &i = s->intervention;
        i = {r.str(*t, "text"), r.str(*t, "agent"), r.str(*t, "salt"), r.str(*t, "route"),
             r.str(*t, "dose"), r.str(*t, "duration"), r.str(*t, "comparator")};
    }
    if (const toml::table *t = r.table(root, "sample", false)) {
        rejectUnknownKeys(*t, {"size", "text"}, r.file, &r.errors);
        if (const toml::node *size = t->get("size")) {
            if (auto v = size->value<int64_t>(); v && *v >= 0)
                s->sampleSize = int(*v);
            else
                r.errors.append(located(r.file, *size, QStringLiteral("'size' must be a whole number of participants")));
        }
        s->sampleText = r.str(*t, "text");
    }
    if (const toml::table *t = r.table(root, "outcome", false)) {
        rejectUnknownKeys(*t, {"direction", "certainty"}, r.file, &r.errors);
        s->direction = r.str(*t, "direction");
        s->certainty = r.str(*t, "certainty");
        r.checkCode(*t, "direction", s->direction, r.vocab.direction);
        r.checkCode(*t, "certainty", s->certainty, r.vocab.certainty);
    }
    r.eachTable(root, "effects", [&](const toml::table &t) {
        rejectUnknownKeys(t, {"outcome", "measure", "value", "ci_low", "ci_high", "unit", "certainty", "text"},
                          r.file, &r.errors);
        EffectEstimate e;
        e.outcome = r.str(t, "outcome");
        e.measure = r.str(t, "measure");
        e.value = r.number(t, "value");
        e.ciLow = r.number(t, "ci_low");
        e.ciHigh = r.number(t, "ci_high");
        e.unit = r.str(t, "unit");
        e.certainty = r.str(t, "certainty");
        e.text = r.str(t, "text");
        r.checkCode(t, "certainty", e.certainty, r.vocab.certainty);
        s->effects.append(e);
    });
    r.eachTable(root, "conclusions", [&](const toml::table &t) {
        rejectUnknownKeys(t, {"text", "source", "where", "note"}, r.file, &r.errors);
        Conclusion c{r.str(t, "text"), r.str(t, "source"), r.str(t, "where"), r.str(t, "note")};
        if (c.text.isEmpty())
            r.errors.append(located(r.file, t, QStringLiteral("a conclusion needs its verbatim text")));
        r.checkCode(t, "source", c.source, r.vocab.conclusionSource, false);
        s->conclusions.append(c);
    });
    r.eachTable(root, "claims", [&](const toml::table &t) {
        rejectUnknownKeys(t, {"by", "kind", "text", "note"}, r.file, &r.errors);
        Claim c{r.str(t, "by"), r.str(t, "kind"), r.str(t, "text"), r.str(t, "note")};
        r.checkCode(t, "by", c.by, r.vocab.claimSource, false);
        if (c.text.isEmpty())
            r.errors.append(located(r.file, t, QStringLiteral("a claim needs its text")));
        s->claims.append(c);
    });
    if (const toml::table *t = r.table(root, "funding", false))
        readFunding(r, *t, &s->funding);
    if (const toml::table *t = r.table(root, "independence", false)) {
        rejectUnknownKeys(*t, {"value", "link", "reason"}, r.file, &r.errors);
        s->independence = {r.str(*t, "value"), r.str(*t, "link"), r.str(*t, "reason"),
                           ClassificationSource::Curated};
        r.checkCode(*t, "value", s->independence.value, r.vocab.independence);
        r.checkCode(*t, "link", s->independence.link, r.vocab.industryLink);
        if (s->independence.value.isEmpty())
            s->independence.source = ClassificationSource::None;
        else if (s->independence.reason.isEmpty())
            r.errors.append(located(r.file, *t, QStringLiteral("a classification needs its reason")));
    }
    r.eachTable(root, "facts", [&](const toml::table &t) {
        rejectUnknownKeys(t, {"label", "text"}, r.file, &r.errors);
        s->extraFacts.append({r.str(t, "label"), r.str(t, "text")});
    });
    if (const toml::table *t = r.table(root, "not_verified", false)) {
        for (const auto &[key, node] : *t) {
            if (const auto *v = node.as_string())
                s->notVerified.insert(toQString(key.str()), toQString(v->get()));
            else
                r.errors.append(located(r.file, node, QStringLiteral("not_verified entries are explanations (strings)")));
        }
    }
}

// ---- writing -------------------------------------------------------------

QByteArray quoted(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f)
                out += QByteArray("\\u00") + QByteArray::number(c, 16).rightJustified(2, '0');
            else
                out += ch;
        }
    }
    out += '"';
    return out;
}

QByteArray line(const char *key, const QString &value)
{
    return QByteArray(key) + " = " + quoted(value) + '\n';
}

QByteArray array(const char *key, const QStringList &values, bool multiline)
{
    QByteArray out = QByteArray(key) + " = [";
    if (values.isEmpty())
        return out + "]\n";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (multiline)
            out += "\n  ";
        else if (i > 0)
            out += ", ";
        out += quoted(values.at(i));
        if (multiline)
            out += ',';
    }
    return out + (multiline ? "\n]\n" : "]\n");
}

QByteArray number(const char *key, double value)
{
    // Shortest text that reads back to the same double; TOML floats need '.' or 'e'.
    QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    if (!text.contains('.') && !text.contains('e') && !text.contains("inf") && !text.contains("nan"))
        text += ".0";
    return QByteArray(key) + " = " + text + '\n';
}

} // namespace

StudyFileResult readStudyText(const QByteArray &utf8, const QString &displayName,
                              const Vocabularies &vocabularies, const QString &expectedId)
{
    Reader reader{displayName, vocabularies, {}};
    StudyFileResult result;
    std::optional<toml::table> root = parse(utf8, displayName, &reader.errors);
    if (root) {
        Study study;
        readBody(reader, *root, &study);
        if (!expectedId.isEmpty() && !study.id.isEmpty() && study.id != expectedId) {
            // Point at the id itself: the file may start with comments.
            const toml::node *id = root->get("id");
            reader.errors.append(located(displayName, id ? id->source() : root->source(),
                                         QStringLiteral("id '%1' does not match the file name (expected '%2')")
                                             .arg(study.id, expectedId)));
        }
        if (reader.errors.isEmpty())
            result.study = std::move(study);
    }
    result.errors = reader.errors;
    return result;
}

StudyFileResult readStudyFile(const QString &path, const Vocabularies &vocabularies)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        StudyFileResult result;
        result.errors.append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return result;
    }
    return readStudyText(file.readAll(), path, vocabularies, QFileInfo(path).completeBaseName());
}

QByteArray writeStudyText(const Study &s)
{
    QByteArray out;
    out += line("id", s.id);
    out += array("sources", s.sources, true);
    out += line("open_access", s.openAccess);
    if (!s.abstract.isEmpty())
        out += line("abstract", s.abstract);
    if (!s.keywords.isEmpty())
        out += array("keywords", s.keywords, false);
    if (!s.publicationTypes.isEmpty())
        out += array("publication_types", s.publicationTypes, false);

    out += "\n[citation]\n";
    out += line("text", s.citation.text);
    out += array("authors", s.citation.authors, false);
    out += line("title", s.citation.title);
    out += line("journal", s.citation.journal);
    out += "year = " + QByteArray::number(s.citation.year) + '\n';
    if (!s.citation.yearNote.isEmpty())
        out += line("year_note", s.citation.yearNote);
    out += line("volume", s.citation.volume);
    out += line("issue", s.citation.issue);
    out += line("pages", s.citation.pages);

    out += "\n[identifiers]\n";
    out += line("doi", s.ids.doi);
    out += line("pmid", s.ids.pmid);
    out += line("pmcid", s.ids.pmcid);
    out += line("registration", s.ids.registration);

    out += "\n[design]\n" + line("code", s.design) + line("text", s.designText);
    out += "\n[population]\n" + array("codes", s.populations, false) + line("text", s.populationText);
    out += "\n[cramp_types]\n" + array("codes", s.crampTypes, false) + array("text", s.crampTypeText, false);

    const Intervention &i = s.intervention;
    out += "\n[intervention]\n" + line("text", i.text) + line("agent", i.agent) + line("salt", i.salt) +
           line("route", i.route) + line("dose", i.dose) + line("duration", i.duration) +
           line("comparator", i.comparator);

    out += "\n[sample]\n";
    if (s.sampleSize)
        out += "size = " + QByteArray::number(*s.sampleSize) + '\n';
    out += line("text", s.sampleText);

    out += "\n[outcome]\n" + line("direction", s.direction) + line("certainty", s.certainty);

    for (const EffectEstimate &e : s.effects) {
        out += "\n[[effects]]\n" + line("outcome", e.outcome) + line("measure", e.measure);
        if (e.value)
            out += number("value", *e.value);
        if (e.ciLow)
            out += number("ci_low", *e.ciLow);
        if (e.ciHigh)
            out += number("ci_high", *e.ciHigh);
        out += line("unit", e.unit) + line("certainty", e.certainty) + line("text", e.text);
    }
    for (const Conclusion &c : s.conclusions)
        out += "\n[[conclusions]]\n" + line("text", c.text) + line("source", c.source) +
               line("where", c.where) + line("note", c.note);
    for (const Claim &c : s.claims)
        out += "\n[[claims]]\n" + line("by", c.by) + line("kind", c.kind) + line("text", c.text) +
               line("note", c.note);

    out += "\n[funding]\n" + line("statement", s.funding.statement) + line("coi", s.funding.coiStatement) +
           line("notes", s.funding.notes);
    for (const Funder &f : s.funding.funders)
        out += "\n[[funding.funders]]\n" + line("name", f.name) + line("type", f.type) + line("source", f.source);

    if (!s.independence.value.isEmpty())
        out += "\n[independence]\n" + line("value", s.independence.value) + line("link", s.independence.link) +
               line("reason", s.independence.reason);

    for (const ExtraFact &f : s.extraFacts)
        out += "\n[[facts]]\n" + line("label", f.label) + line("text", f.text);

    if (!s.notVerified.isEmpty()) {
        out += "\n[not_verified]\n";
        for (auto it = s.notVerified.cbegin(); it != s.notVerified.cend(); ++it)
            out += quoted(it.key()) + " = " + quoted(it.value()) + '\n';
    }
    return out;
}

QVector<LoadedStudy> readStudyFolder(const QString &folder, const Vocabularies &vocabularies,
                                     QStringList *errors)
{
    QVector<LoadedStudy> out;
    QDir dir(folder);
    if (!dir.exists()) {
        errors->append(QStringLiteral("%1: studies folder not found").arg(folder));
        return out;
    }
    const QStringList names = dir.entryList({QStringLiteral("*.toml")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
            continue;
        }
        const QByteArray bytes = file.readAll();
        StudyFileResult result = readStudyText(bytes, path, vocabularies, QFileInfo(path).completeBaseName());
        if (!result.errors.isEmpty()) {
            errors->append(result.errors);
            continue;
        }
        out.append({*result.study, path, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
    }
    return out;
}

} // namespace mgreview
