#include "review/judgement.h"

#include "model/study.h"

#include <QJsonValue>

namespace mgreview {

namespace ReviewWords {

QStringList values()
{
    return { QString::fromLatin1(Independent), QString::fromLatin1(IndustryLinked), QString::fromLatin1(Unclear) };
}

QStringList links()
{
    return { QStringLiteral("funded"), QStringLiteral("product-supplied"), QStringLiteral("author-paid"),
        QStringLiteral("company-run") };
}

QStringList methods()
{
    return { QStringLiteral("consensus"), QStringLiteral("third-reviewer") };
}

} // namespace ReviewWords

QJsonObject JudgementContent::toJson() const
{
    QJsonObject o { { QStringLiteral("value"), value }, { QStringLiteral("link"), link },
        { QStringLiteral("reason"), reason } };
    if (!evidence.isEmpty()) {
        o.insert(QStringLiteral("evidence"), evidence);
        o.insert(QStringLiteral("evidence_source"), evidenceSource);
    }
    if (page)
        o.insert(QStringLiteral("page"), *page);
    return o;
}

JudgementContent JudgementContent::fromJson(const QJsonObject &o)
{
    JudgementContent c;
    c.value = o.value(QStringLiteral("value")).toString();
    c.link = o.value(QStringLiteral("link")).toString();
    c.reason = o.value(QStringLiteral("reason")).toString();
    c.evidence = o.value(QStringLiteral("evidence")).toString();
    c.evidenceSource = o.value(QStringLiteral("evidence_source")).toString();
    if (o.contains(QStringLiteral("page")))
        c.page = o.value(QStringLiteral("page")).toInt();
    return c;
}

QJsonObject ResolutionContent::toJson() const
{
    return { { QStringLiteral("value"), value }, { QStringLiteral("link"), link }, { QStringLiteral("reason"), reason },
        { QStringLiteral("method"), method } };
}

ResolutionContent ResolutionContent::fromJson(const QJsonObject &o)
{
    return { o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("link")).toString(),
        o.value(QStringLiteral("reason")).toString(), o.value(QStringLiteral("method")).toString() };
}

namespace {

QString validateValueAndLink(const QString &value, const QString &link, const QString &reason)
{
    if (!ReviewWords::values().contains(value))
        return QStringLiteral("invalid judgement '%1' (expected independent, industry-linked or unclear)").arg(value);
    if (value == QLatin1String(ReviewWords::IndustryLinked)) {
        if (link.isEmpty())
            return QStringLiteral("an industry-linked judgement needs the link: funded, product-supplied, author-paid "
                                  "or company-run");
        if (!ReviewWords::links().contains(link))
            return QStringLiteral("invalid link '%1' (expected funded, product-supplied, author-paid or company-run)")
                .arg(link);
    } else if (!link.isEmpty()) {
        return QStringLiteral("a link ('%1') applies only to an industry-linked judgement, not to '%2'")
            .arg(link, value);
    }
    if (reason.trimmed().isEmpty())
        return QStringLiteral("a judgement needs a reason");
    return {};
}

QString collapseSpaces(const QString &text)
{
    return text.simplified();
}

} // namespace

QString validateJudgement(const JudgementContent &c)
{
    if (const QString error = validateValueAndLink(c.value, c.link, c.reason); !error.isEmpty())
        return error;
    if (c.page && *c.page < 1)
        return QStringLiteral("a page number starts at 1 (got %1)").arg(*c.page);
    if (c.page && c.evidence.trimmed().isEmpty())
        return QStringLiteral("a page belongs to an evidence quote: give the quote too");
    return {};
}

QString validateResolution(const ResolutionContent &c)
{
    if (const QString error = validateValueAndLink(c.value, c.link, c.reason); !error.isEmpty())
        return error;
    if (!ReviewWords::methods().contains(c.method))
        return QStringLiteral("invalid resolution method '%1' (expected consensus or third-reviewer)").arg(c.method);
    return {};
}

QString describeJudgement(const QString &value, const QString &link)
{
    if (value.isEmpty() || value == QLatin1String(ReviewWords::Withdrawn))
        return QStringLiteral("no judgement");
    return link.isEmpty() ? value : QStringLiteral("%1 (%2)").arg(value, link);
}

QString findEvidence(const Study &study, const QString &quote)
{
    const QString wanted = collapseSpaces(quote);
    if (wanted.isEmpty())
        return {};
    const std::pair<const QString *, const char *> places[] = {
        { &study.funding.statement, EvidenceSource::FundingStatement },
        { &study.funding.coiStatement, EvidenceSource::CoiStatement },
        { &study.funding.notes, EvidenceSource::FundingNotes },
    };
    for (const auto &[text, source] : places) {
        // Verbatim: case and punctuation must match; only white space may differ.
        if (text->contains(quote) || collapseSpaces(*text).contains(wanted))
            return QString::fromLatin1(source);
    }
    return {};
}

} // namespace mgreview
