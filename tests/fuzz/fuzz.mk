# fuzz.mk: libFuzzer harnesses, read after the project's Makefile so that common/ and the
# filters' objects (embedded data and build.mk extras included) come from its own rules,
# compiled here with clang and -fsanitize=fuzzer-no-link,address,undefined:
#   make -f Makefile -f tests/fuzz/fuzz.mk BUILD=DIR CC=clang CFLAGS=... DIR/fuzz/fuzz_tsv
# tests/fuzz/run.sh sets all of this; nothing here is used by a plain make.

FUZZ_DIR  := $(BUILD)/fuzz
FUZZ_OBJ  := $(BUILD)/tests/fuzz
FUZZ_LINK := -fsanitize=fuzzer,address,undefined

# Harnesses of common/ need only the library; the annotate driver's harness includes
# common/annotate.c itself, so the archive's copy is never pulled in.
$(FUZZ_DIR)/fuzz_tsv: $(FUZZ_OBJ)/fuzz_tsv.o $(FUZZ_OBJ)/table_check.o $(FUZZ_OBJ)/feed.o $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_csv: $(FUZZ_OBJ)/fuzz_csv.o $(FUZZ_OBJ)/table_check.o $(FUZZ_OBJ)/feed.o $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_utf8: $(FUZZ_OBJ)/fuzz_utf8.o $(FUZZ_OBJ)/feed.o $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_decimal: $(FUZZ_OBJ)/fuzz_decimal.o $(FUZZ_OBJ)/feed.o $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_annotate: $(FUZZ_OBJ)/fuzz_annotate.o $(FUZZ_OBJ)/stage.o $(FUZZ_OBJ)/feed.o $(LIBCOMMON)

# A filter's harness: its objects without main's file, plus that file compiled again with
# main renamed filter_main, so a harness can take what main sets up (stage.h).
define fuzz_filter
$(FUZZ_OBJ)/main/$(1).o: filters/$(1)/$(1).c $$($(1)_LIBOBJ)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(ALL_CFLAGS) -Ifilters/$(1) -I$(BUILD)/filters/$(1)/ -Dmain=filter_main -MMD -MP -c $$< -o $$@
$(FUZZ_DIR)/fuzz_$(1): $(FUZZ_OBJ)/fuzz_$(1).o $(FUZZ_OBJ)/main/$(1).o $(FUZZ_OBJ)/stage.o $(FUZZ_OBJ)/feed.o $$($(1)_LIBOBJ) $(LIBCOMMON)
endef
$(foreach p,$(PROGRAMS),$(eval $(call fuzz_filter,$(p))))

$(FUZZ_DIR)/fuzz_%:
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_LINK) -o $@ $^ $(LDLIBS)

# Harnesses of one part of a filter, linked without its main.
$(FUZZ_DIR)/fuzz_numeral: $(FUZZ_OBJ)/fuzz_numeral.o $(FUZZ_OBJ)/feed.o $(extract-numbers_LIBOBJ) $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_aggnum: $(FUZZ_OBJ)/fuzz_aggnum.o $(FUZZ_OBJ)/feed.o $(aggregate_LIBOBJ) $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_model: $(FUZZ_OBJ)/fuzz_model.o $(FUZZ_OBJ)/feed.o $(tag-entities_LIBOBJ) $(LIBCOMMON)
$(FUZZ_DIR)/fuzz_segment: $(FUZZ_OBJ)/rows.o
