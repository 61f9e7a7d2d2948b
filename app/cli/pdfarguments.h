#pragma once

#include "arguments.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::cli {

// Argument rules of the PDF commands (attach, detach, attachments, link-pdfs, verify-quotes,
// index-pdfs, pdf-search, pdf-text, pdf-check), kept apart from the general parser.

std::optional<Command> pdfCommandFromName(const QString &name);
QString pdfCommandName(Command command);
/// --label, --link (switch), --dry-run, --password, --timeout.
bool isPdfOption(const QString &name);
/// Stores a PDF option; returns a usage error or "".
QString pdfOption(const QString &name, const QString &value, Arguments &result);
/// Takes the positional arguments of a PDF command; returns a usage error or "".
QString pdfCommand(Arguments &result, QStringList &positional);

} // namespace mgreview::cli
