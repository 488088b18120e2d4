/* fuzz_serve.c - libFuzzer target: the JSON endpoints of `izde serve`
 * (serve_api()) on a small index.  Input: the path on the first line, then
 * name=value lines as the query parameters, e.g.
 *   /api/search
 *   q=экстремизм OR "28 тысяч"
 *   n=5
 * Whatever comes in, the answer is JSON with a status from 200 to 599. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "izde.h"
#include "serve.h"

#define MAX_PARAMS 8

typedef struct params {
    char *name[MAX_PARAMS], *value[MAX_PARAMS];
    size_t n;
} params;

static const char *get(void *ctx, const char *name)
{
    params *p = ctx;
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->name[i], name) == 0)
            return p->value[i];
    return NULL;
}

static izde_db *make_index(void)
{
    static const char *texts[] = {
        "Более 300 мероприятий по профилактике экстремизма проведено в Алматы. Они охватили 28 тысяч человек.",
        "11 терактов предотвращено с прошлого года, сообщил Сергей Швейкин 15 сентября 2021 года.",
        "Өлкөдө 100дөн ашуун лидер экстремизмге каршы иш-чараларга катышты.",
    };
    static const char *dates[] = {"2021-09-15", "2020-01-02", NULL};
    char dir[] = "/tmp/izde-fuzz-serve-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    char path[64];
    snprintf(path, sizeof path, "%s/db", dir);
    izde_db *w = NULL;
    if (izde_db_open(&w, path, IZDE_DB_WRITE, NULL) != IZDE_OK)
        abort();
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%d", i);
        izde_article a = {.id = id, .text = texts[i], .text_len = strlen(texts[i]), .date = dates[i]};
        if (izde_index_article(w, &a) != IZDE_OK)
            abort();
    }
    izde_db_close(w);
    izde_db *db = NULL;
    const char *spec = path;
    if (izde_db_open_shards(&db, &spec, 1, NULL, NULL) != IZDE_OK)
        abort();
    return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static izde_db *db;
    if (!db)
        db = make_index();
    char *in = malloc(size + 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    in[size] = '\0';
    params p = {{0}, {0}, 0};
    char *save = NULL;
    char *path = strtok_r(in, "\n", &save);
    for (char *line; p.n < MAX_PARAMS && (line = strtok_r(NULL, "\n", &save));) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        p.name[p.n] = line;
        p.value[p.n++] = eq + 1;
    }
    serve_params sp = {get, &p};
    serve_reply r = serve_api(db, path ? path : "/api/search", &sp);
    if (r.status < 200 || r.status > 599)
        abort();
    if (r.body) {
        json_t *o = json_loads(r.body, 0, NULL);
        if (!o)
            abort(); /* every answer is JSON */
        json_decref(o);
    }
    free(r.body);
    free(in);
    return 0;
}
