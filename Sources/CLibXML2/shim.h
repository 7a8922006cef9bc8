// Debian's libxml2 is built with ICU; its headers then pull in ICU's, which clash with
// the ICU that Foundation bundles ('UErrorCode' has different definitions). zhinan uses
// none of libxml2's ICU entry points, so switch them off before anything else is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
