/* Entity tables: stable ids, extensions over a loaded table, and labels
 * that do not depend on the order the forms of a name arrive in. */
#include "check.h"
#include "match/entities.h"

static const char *label_after(const char *first, const char *second)
{
	static char out[64];
	eg_entities *base = eg_entities_new();
	eg_entities *e = eg_entities_extend(base);
	uint32_t a = eg_entities_intern(e, "ORG", first, strlen(first), NULL);
	uint32_t b = eg_entities_intern(e, "ORG", second, strlen(second), NULL);
	CHECK_INT(a, b);
	snprintf(out, sizeof(out), "%s", eg_entity_label(e, a));
	eg_entities_free(e);
	eg_entities_free(base);
	return out;
}

int main(void)
{
	/* Case variants are one entity; the label is not all capitals when
	 * some form is not, then the smallest form, in either order. */
	CHECK_STR(label_after("MICROSOFT CORP", "Microsoft Corp"), "Microsoft Corp");
	CHECK_STR(label_after("Microsoft Corp", "MICROSOFT CORP"), "Microsoft Corp");
	CHECK_STR(label_after("Microsoft corp", "Microsoft Corp"), "Microsoft Corp");
	CHECK_STR(label_after("Microsoft Corp", "Microsoft corp"), "Microsoft Corp");
	CHECK_STR(label_after("IBM", "Ibm"), "Ibm");

	/* A loaded table keeps its first label; an extension finds the loaded
	 * entity by id and never changes it. */
	eg_entities *base = eg_entities_new();
	uint32_t ms = eg_entities_intern(base, "ORG", "Microsoft", 9, "tech");
	CHECK_INT(eg_entities_intern(base, "ORG", "MICROSOFT", 9, NULL), ms);
	CHECK_STR(eg_entity_label(base, ms), "Microsoft");
	eg_entities *e = eg_entities_extend(base);
	CHECK_INT(eg_entities_intern(e, "ORG", "MICROSOFT", 9, "zzz"), ms);
	CHECK_STR(eg_entity_label(e, ms), "Microsoft");
	CHECK_STR(eg_entity_category(e, ms), "tech");
	CHECK_STR(eg_entity_id(e, ms), "org.microsoft");

	/* New entities come after the loaded ones; categories settle on the
	 * smallest given, whatever the order. */
	uint32_t x = eg_entities_intern(e, "ORG", "Acme Ltd", 8, "retail");
	CHECK_INT(x, 1);
	CHECK_INT(eg_entities_count(e), 2);
	eg_entities_intern(e, "ORG", "Acme Ltd", 8, "business");
	eg_entities_intern(e, "ORG", "Acme Ltd", 8, "tech");
	CHECK_STR(eg_entity_category(e, x), "business");
	CHECK_STR(eg_entity_type(e, x), "ORG");

	/* Clearing an extension forgets its entities, not the loaded ones. */
	eg_entities_clear(e);
	CHECK_INT(eg_entities_count(e), 1);
	CHECK_INT(eg_entities_intern(e, "PERSON", "Abdo Mohamed", 12, NULL), 1);
	CHECK_STR(eg_entity_id(e, 1), "person.abdo_mohamed");
	eg_entities_free(e);
	eg_entities_free(base);
	return check_result("entities");
}
