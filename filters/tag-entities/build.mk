# tag-entities: the township and street-office list, vendored (townships/townships.txt.gz,
# source and licence in townships/README; townships.sh regenerates it from npm): the build
# only decompresses it, offline, so the same source always gives the same binary.
TE_GEN := $(BUILD)/filters/tag-entities/gen

$(TE_GEN)/townships.txt: filters/tag-entities/townships/townships.txt.gz
	@mkdir -p $(TE_GEN)
	gzip -dc $< > $@.tmp && mv $@.tmp $@

$(TE_GEN)/townships.c: $(TE_GEN)/townships.txt $(EMBED)
	$(EMBED) data_townships_txt < $< > $@

$(TE_GEN)/townships.o: $(TE_GEN)/townships.c | deps
	$(CC) $(ALL_CFLAGS) -c $< -o $@

tag-entities_EXTRA := $(TE_GEN)/townships.o

# The sequence model (model.h), compiled in from filters/tag-entities/model/entities.model;
# MODEL=none builds the rule-only tagger, MODEL=FILE compiles in another model.
MODEL ?= filters/tag-entities/model/entities.model
TE_MODEL := $(if $(filter none,$(MODEL)),/dev/null,$(MODEL))
$(TE_GEN)/model-$(if $(filter none,$(MODEL)),none,builtin).c: $(if $(filter none,$(MODEL)),,$(MODEL)) $(EMBED)
	@mkdir -p $(TE_GEN)
	$(EMBED) data_entities_model < $(TE_MODEL) > $@
$(TE_GEN)/model-%.o: $(TE_GEN)/model-%.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@
tag-entities_EXTRA += $(TE_GEN)/model-$(if $(filter none,$(MODEL)),none,builtin).o

# The trainer (not part of the filter: its main lives in train/):
#   make model TRAIN='../shared/train/msra-train.bio.xz ../shared/train/pd199801.bio.xz'
# writes filters/tag-entities/model/entities.model and the names its features read,
# data/model-entities.txt (EPOCHS, BITS as options).
TRAIN_BIN := $(BIN)/train-entities
EPOCHS ?= 10
BITS ?= 18
TE_LIBOBJ := $(patsubst %.c,$(BUILD)/%.o,$(filter-out filters/tag-entities/tag-entities.c,$(wildcard filters/tag-entities/*.c))) \
	$(patsubst filters/tag-entities/data/%,$(BUILD)/filters/tag-entities/data/%.o,$(wildcard filters/tag-entities/data/*)) \
	$(tag-entities_EXTRA)
$(TRAIN_BIN): $(BUILD)/filters/tag-entities/train/train-entities.o $(TE_LIBOBJ) $(LIBCOMMON)
	@mkdir -p $(BIN)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS) -lm
.PHONY: model trainer
all: $(TRAIN_BIN)
trainer: $(TRAIN_BIN)
model: $(TRAIN_BIN)
	@test -n "$(TRAIN)" || { echo "make model TRAIN='FILE.bio[.xz]...' (see docs/MODEL.md)"; exit 2; }
	$(TRAIN_BIN) -e $(EPOCHS) -b $(BITS) -o filters/tag-entities/model/entities.model \
		-g filters/tag-entities/data/model-entities.txt $(TRAIN)
