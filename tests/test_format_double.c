/*
 * eg_format_double against its specification: the shortest "%.*g" text
 * that strtod reads back, found by asking the C library at each precision.
 * The library function builds the text from one "%.16e" instead, which is
 * only right if its rounding agrees with the C library's everywhere, so it
 * is compared byte for byte on millions of doubles of every kind.
 */
#include "check.h"
#include "util/util.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int reference_round_trips(char out[32], double v, int precision)
{
	return snprintf(out, 32, "%.*g", precision, v) < 32 && strtod(out, NULL) == v;
}

/* The specification, written the slow and obvious way. */
static void reference_format(char out[32], double v)
{
	if (v == floor(v) && fabs(v) < 1e17) {
		snprintf(out, 32, "%.0f", v);
		return;
	}
	int lo = 1, hi = 17;
	if (reference_round_trips(out, v, 15))
		hi = 15;
	else
		lo = 16;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (reference_round_trips(out, v, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	reference_round_trips(out, v, lo);
	char *e = strchr(out, 'e');
	if (e) {
		int exponent = atoi(e + 1);
		if (exponent > 0 && exponent < 17)
			snprintf(out, 32, "%.*f", exponent >= lo - 1 ? 0 : lo - 1 - exponent, v);
	}
}

static int mismatches;

static void compare(double v)
{
	char got[32], want[32];
	eg_format_double(got, v);
	reference_format(want, v);
	check_count++;
	if (strcmp(got, want) != 0) {
		check_failures++;
		if (++mismatches <= 10)
			fprintf(stderr, "%a: got \"%s\", want \"%s\"\n", v, got, want);
	}
}

static uint64_t state = 0x9e3779b97f4a7c15ULL;

/* splitmix64: seeded, so a failure repeats. */
static uint64_t next_random(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double from_bits(uint64_t bits)
{
	double v;
	memcpy(&v, &bits, sizeof(v));
	return v;
}

static void test_chosen(void)
{
	const double chosen[] = {
		0.1 + 0.2, 1e-5, 5e-324, -5e-324, DBL_MAX, -DBL_MAX, DBL_MIN, -0.0, 0.0,
		9.9999999999999995e-1, 0.00041562759767248546, -1.8541852038357034,
		0.1, 1.0 / 3, 2.0 / 3, 123456.5, 150.5, 1e-7, 1e16 + 2, 1e17, 1e21, 1e22,
		9007199254740993.0, 0.30000000000000004, 2.2250738585072009e-308,
		1.7976931348623157e308, 4.9406564584124654e-324, 1e-4, 9.9999e-5, 0.5,
		INFINITY, -INFINITY, NAN, -NAN,
	};
	for (size_t i = 0; i < sizeof(chosen) / sizeof(chosen[0]); i++)
		compare(chosen[i]);
}

/* Around each power of ten, where the exponent and the choice between
 * plain and exponent forms change, and a carry makes one more digit. */
static void test_powers_of_ten(void)
{
	for (int k = -325; k <= 309; k++) {
		char text[16];
		snprintf(text, sizeof(text), "1e%d", k);
		double power = strtod(text, NULL);
		double below = power, above = power;
		for (int step = 0; step < 40; step++) {
			compare(below);
			compare(-above);
			below = nextafter(below, 0);
			above = nextafter(above, INFINITY);
		}
	}
}

/* Every bit pattern is equally likely: all exponents, subnormals, NaNs
 * with payloads, both signs. */
static void test_bit_patterns(int n)
{
	for (int i = 0; i < n; i++)
		compare(from_bits(next_random()));
}

/* What the writers print: weights, ratios and logarithms of counts. */
static void test_computed(int n)
{
	for (int i = 0; i < n; i++) {
		double a = (double)(next_random() % 100000 + 1);
		double b = (double)(next_random() % 100000 + 1);
		double c = (double)(next_random() % 1000 + 1);
		compare(a / b);
		compare(log(a / b));
		compare(log(a * c / b) / -log(c / b));
		compare(a / b * pow(10, (int)(next_random() % 40) - 20));
	}
}

/* Doubles nearest to decimals ending in 5 at every precision: where the
 * 17 digits can end in an exact half that v itself is not. */
static void test_near_halves(int n)
{
	for (int i = 0; i < n; i++) {
		int digits = (int)(next_random() % 16) + 1;
		char text[48];
		int length = snprintf(text, sizeof(text), "%llu",
				      (unsigned long long)(next_random() >> 8));
		if (length > digits)
			length = digits;
		/* Mostly the magnitudes graphs have; the C library is slow far
		 * from them. */
		int exponent = i % 8 ? (int)(next_random() % 60) - 40
				     : (int)(next_random() % 650) - 335;
		snprintf(text + length, sizeof(text) - (size_t)length, "5e%d", exponent);
		double v = strtod(text, NULL);
		compare(v);
		compare(nextafter(v, 0));
		compare(nextafter(v, INFINITY));
	}
}

/* Odd integers over powers of two: exact decimals ending in 5,
 * so some precision falls on a true half, which rounds to even. */
static void test_exact_halves(int n)
{
	for (int i = 0; i < n; i++) {
		double odd = (double)(next_random() % 1000000 * 2 + 1);
		int shift = (int)(next_random() % 60) + 1;
		compare(ldexp(odd, -shift));
		compare(-ldexp(odd, -shift) * 1000);
	}
}

/* About 700,000 doubles, under two seconds in a release build; a
 * factor as the argument runs that many times more ("test_format_double
 * 50" for a thorough run). */
int main(int argc, char **argv)
{
	long scale = argc > 1 ? atol(argv[1]) : 1;
	if (scale < 1)
		scale = 1;
	test_chosen();
	test_powers_of_ten();
	for (long i = 0; i < scale; i++) {
		test_bit_patterns(100000);
		test_computed(60000);
		test_near_halves(70000);
		test_exact_halves(60000);
	}
	return check_result("format_double");
}
