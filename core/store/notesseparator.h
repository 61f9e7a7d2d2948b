#pragma once

namespace mgreview {

/// Ends a study's own text in SearchableText::other (store/fulltextindex.h) where its
/// annotations' text follows (annotations/annotationsearch.h). Not a word character, so
/// search never sees it; a PostgreSQL index keeps the two parts apart (store/teamsql.h).
inline constexpr char16_t kNotesSeparator = u'\x1f';

} // namespace mgreview
