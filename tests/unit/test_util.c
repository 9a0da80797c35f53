/*
 * test_util.c - the hex codec of core/util.h, which writes every pseudonym
 * and digest and reads every stored key back.
 */
#include "core/util.h"
#include "unit.h"

int main(void)
{
	const unsigned char b[4] = {0x00, 0x9f, 0xa0, 0xff};
	unsigned char out[4];
	char hex[9];

	util_hex(b, 4, hex);
	CHECK_STR(hex, "009fa0ff", "bytes as lowercase hex, two digits each, then a NUL");
	CHECK_INT(util_unhex("009fa0ff", 4, out), 0, "lowercase hex read");
	CHECK(out[0] == 0x00 && out[1] == 0x9f && out[2] == 0xa0 && out[3] == 0xff,
	      "... to the bytes it came from");
	CHECK_INT(util_unhex("009FA0Ff", 4, out), 0, "upper case read too");
	CHECK(out[1] == 0x9f && out[3] == 0xff, "... to the same bytes");
	CHECK_INT(util_unhex("009fa0fg", 4, out), -1, "a g is not a hex digit");
	CHECK_INT(util_unhex("0 9fa0ff", 4, out), -1, "nor is a space");
	CHECK_INT(util_unhex("009f", 2, out), 0, "only the n bytes asked for are read");
	CHECK(out[0] == 0x00 && out[1] == 0x9f, "... the first two");
	return unit_done();
}
