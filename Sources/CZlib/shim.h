// zlib's raw inflate and crc32, for reading the ZIP container of .xlsx files.
#include <zlib.h>
