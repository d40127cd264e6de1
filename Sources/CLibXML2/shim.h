// Debian's libxml2 headers pull in ICU headers that clash with Foundation's own ICU
// module ("'UErrorCode' has different definitions in different modules"). Reading the
// version header first and undefining the ICU switch keeps them out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
