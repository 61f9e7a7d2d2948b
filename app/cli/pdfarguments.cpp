#include "pdfarguments.h"

namespace mgreview::cli {

namespace {

struct PdfCommandName {
    const char16_t *name;
    Command command;
};

constexpr PdfCommandName kNames[] = {
    {u"attach", Command::Attach},           {u"detach", Command::Detach},
    {u"attachments", Command::Attachments}, {u"link-pdfs", Command::LinkPdfs},
    {u"verify-quotes", Command::VerifyQuotes}, {u"index-pdfs", Command::IndexPdfs},
    {u"pdf-search", Command::PdfSearch},    {u"pdf-text", Command::PdfText},
    {u"pdf-check", Command::PdfCheck},
};

} // namespace

std::optional<Command> pdfCommandFromName(const QString &name)
{
    for (const PdfCommandName &entry : kNames) {
        if (name == QStringView(entry.name))
            return entry.command;
    }
    return std::nullopt;
}

QString pdfCommandName(Command command)
{
    for (const PdfCommandName &entry : kNames) {
        if (entry.command == command)
            return QStringView(entry.name).toString();
    }
    return {};
}

bool isPdfOption(const QString &name)
{
    return name == u"label" || name == u"link" || name == u"dry-run" || name == u"password" || name == u"timeout"
           || name == u"password-stdin" || name == u"pages";
}

QString pdfOption(const QString &name, const QString &value, Arguments &result)
{
    if (name == u"timeout") {
        bool ok = false;
        result.timeoutSeconds = value.toInt(&ok);
        if (!ok || result.timeoutSeconds < 1)
            return QStringLiteral("invalid timeout '%1' (expected seconds, at least 1)").arg(value);
    }
    if (name == u"pages") {
        bool ok = false;
        result.maxPages = value.toInt(&ok);
        if (!ok || result.maxPages < 0)
            return QStringLiteral("invalid page count '%1' (expected 0 or more)").arg(value);
    }
    if (name == u"password-stdin")
        result.passwordFromStdin = true;
    if (name == u"label")
        result.label = value;
    else if (name == u"link")
        result.linkInPlace = true;
    else if (name == u"dry-run")
        result.dryRun = true;
    else if (name == u"password")
        result.password = value;
    return {};
}

QString pdfCommand(Arguments &result, QStringList &positional)
{
    const QString name = pdfCommandName(result.command);
    auto take = [&](QString &into, const QString &what) -> QString {
        if (positional.isEmpty())
            return QStringLiteral("'%1' needs %2").arg(name, what);
        into = positional.takeFirst();
        return {};
    };
    switch (result.command) {
    case Command::Attach:
        if (QString e = take(result.id, QStringLiteral("a study ID and a PDF file: attach ID FILE")); !e.isEmpty())
            return e;
        return take(result.file, QStringLiteral("the PDF file to attach: attach ID FILE"));
    case Command::Detach:
        if (QString e = take(result.id, QStringLiteral("a study ID: detach ID SHA256|LABEL")); !e.isEmpty())
            return e;
        return take(result.label, QStringLiteral("the PDF's SHA-256 (8+ digits) or label: detach ID SHA256|LABEL"));
    case Command::Attachments:
        return take(result.id, QStringLiteral("a study ID"));
    case Command::LinkPdfs:
        return take(result.file, QStringLiteral("the folder of PDFs: link-pdfs DIR"));
    case Command::VerifyQuotes:
        if (!positional.isEmpty())
            result.id = positional.takeFirst();
        if (result.format == OutputFormat::Csv)
            return QStringLiteral("'verify-quotes' writes table or json, not csv");
        return {};
    case Command::PdfSearch:
        if (positional.isEmpty())
            return QStringLiteral("'pdf-search' needs the text to search for");
        result.text = positional.join(u' ');
        positional.clear();
        return {};
    case Command::PdfText:
    case Command::PdfCheck:
        return take(result.file, QStringLiteral("a PDF file"));
    default:
        return {};
    }
}

} // namespace mgreview::cli
