# 1,500 `elif`s: each nests the next `if`, deeper than Python's parser goes.
from flowc import pipeline, task


@task
def t(x: int) -> int: ...


@pipeline
def p(x: int) -> None:
    if x == 0:  # E: FLC015 @5
        t(x=0)
    elif x == 1:
        t(x=1)
    elif x == 2:
        t(x=2)
    elif x == 3:
        t(x=3)
    elif x == 4:
        t(x=4)
    elif x == 5:
        t(x=5)
    elif x == 6:
        t(x=6)
    elif x == 7:
        t(x=7)
    elif x == 8:
        t(x=8)
    elif x == 9:
        t(x=9)
    elif x == 10:
        t(x=10)
    elif x == 11:
        t(x=11)
    elif x == 12:
        t(x=12)
    elif x == 13:
        t(x=13)
    elif x == 14:
        t(x=14)
    elif x == 15:
        t(x=15)
    elif x == 16:
        t(x=16)
    elif x == 17:
        t(x=17)
    elif x == 18:
        t(x=18)
    elif x == 19:
        t(x=19)
    elif x == 20:
        t(x=20)
    elif x == 21:
        t(x=21)
    elif x == 22:
        t(x=22)
    elif x == 23:
        t(x=23)
    elif x == 24:
        t(x=24)
    elif x == 25:
        t(x=25)
    elif x == 26:
        t(x=26)
    elif x == 27:
        t(x=27)
    elif x == 28:
        t(x=28)
    elif x == 29:
        t(x=29)
    elif x == 30:
        t(x=30)
    elif x == 31:
        t(x=31)
    elif x == 32:
        t(x=32)
    elif x == 33:
        t(x=33)
    elif x == 34:
        t(x=34)
    elif x == 35:
        t(x=35)
    elif x == 36:
        t(x=36)
    elif x == 37:
        t(x=37)
    elif x == 38:
        t(x=38)
    elif x == 39:
        t(x=39)
    elif x == 40:
        t(x=40)
    elif x == 41:
        t(x=41)
    elif x == 42:
        t(x=42)
    elif x == 43:
        t(x=43)
    elif x == 44:
        t(x=44)
    elif x == 45:
        t(x=45)
    elif x == 46:
        t(x=46)
    elif x == 47:
        t(x=47)
    elif x == 48:
        t(x=48)
    elif x == 49:
        t(x=49)
    elif x == 50:
        t(x=50)
    elif x == 51:
        t(x=51)
    elif x == 52:
        t(x=52)
    elif x == 53:
        t(x=53)
    elif x == 54:
        t(x=54)
    elif x == 55:
        t(x=55)
    elif x == 56:
        t(x=56)
    elif x == 57:
        t(x=57)
    elif x == 58:
        t(x=58)
    elif x == 59:
        t(x=59)
    elif x == 60:
        t(x=60)
    elif x == 61:
        t(x=61)
    elif x == 62:
        t(x=62)
    elif x == 63:
        t(x=63)
    elif x == 64:
        t(x=64)
    elif x == 65:
        t(x=65)
    elif x == 66:
        t(x=66)
    elif x == 67:
        t(x=67)
    elif x == 68:
        t(x=68)
    elif x == 69:
        t(x=69)
    elif x == 70:
        t(x=70)
    elif x == 71:
        t(x=71)
    elif x == 72:
        t(x=72)
    elif x == 73:
        t(x=73)
    elif x == 74:
        t(x=74)
    elif x == 75:
        t(x=75)
    elif x == 76:
        t(x=76)
    elif x == 77:
        t(x=77)
    elif x == 78:
        t(x=78)
    elif x == 79:
        t(x=79)
    elif x == 80:
        t(x=80)
    elif x == 81:
        t(x=81)
    elif x == 82:
        t(x=82)
    elif x == 83:
        t(x=83)
    elif x == 84:
        t(x=84)
    elif x == 85:
        t(x=85)
    elif x == 86:
        t(x=86)
    elif x == 87:
        t(x=87)
    elif x == 88:
        t(x=88)
    elif x == 89:
        t(x=89)
    elif x == 90:
        t(x=90)
    elif x == 91:
        t(x=91)
    elif x == 92:
        t(x=92)
    elif x == 93:
        t(x=93)
    elif x == 94:
        t(x=94)
    elif x == 95:
        t(x=95)
    elif x == 96:
        t(x=96)
    elif x == 97:
        t(x=97)
    elif x == 98:
        t(x=98)
    elif x == 99:
        t(x=99)
    elif x == 100:
        t(x=100)
    elif x == 101:
        t(x=101)
    elif x == 102:
        t(x=102)
    elif x == 103:
        t(x=103)
    elif x == 104:
        t(x=104)
    elif x == 105:
        t(x=105)
    elif x == 106:
        t(x=106)
    elif x == 107:
        t(x=107)
    elif x == 108:
        t(x=108)
    elif x == 109:
        t(x=109)
    elif x == 110:
        t(x=110)
    elif x == 111:
        t(x=111)
    elif x == 112:
        t(x=112)
    elif x == 113:
        t(x=113)
    elif x == 114:
        t(x=114)
    elif x == 115:
        t(x=115)
    elif x == 116:
        t(x=116)
    elif x == 117:
        t(x=117)
    elif x == 118:
        t(x=118)
    elif x == 119:
        t(x=119)
    elif x == 120:
        t(x=120)
    elif x == 121:
        t(x=121)
    elif x == 122:
        t(x=122)
    elif x == 123:
        t(x=123)
    elif x == 124:
        t(x=124)
    elif x == 125:
        t(x=125)
    elif x == 126:
        t(x=126)
    elif x == 127:
        t(x=127)
    elif x == 128:
        t(x=128)
    elif x == 129:
        t(x=129)
    elif x == 130:
        t(x=130)
    elif x == 131:
        t(x=131)
    elif x == 132:
        t(x=132)
    elif x == 133:
        t(x=133)
    elif x == 134:
        t(x=134)
    elif x == 135:
        t(x=135)
    elif x == 136:
        t(x=136)
    elif x == 137:
        t(x=137)
    elif x == 138:
        t(x=138)
    elif x == 139:
        t(x=139)
    elif x == 140:
        t(x=140)
    elif x == 141:
        t(x=141)
    elif x == 142:
        t(x=142)
    elif x == 143:
        t(x=143)
    elif x == 144:
        t(x=144)
    elif x == 145:
        t(x=145)
    elif x == 146:
        t(x=146)
    elif x == 147:
        t(x=147)
    elif x == 148:
        t(x=148)
    elif x == 149:
        t(x=149)
    elif x == 150:
        t(x=150)
    elif x == 151:
        t(x=151)
    elif x == 152:
        t(x=152)
    elif x == 153:
        t(x=153)
    elif x == 154:
        t(x=154)
    elif x == 155:
        t(x=155)
    elif x == 156:
        t(x=156)
    elif x == 157:
        t(x=157)
    elif x == 158:
        t(x=158)
    elif x == 159:
        t(x=159)
    elif x == 160:
        t(x=160)
    elif x == 161:
        t(x=161)
    elif x == 162:
        t(x=162)
    elif x == 163:
        t(x=163)
    elif x == 164:
        t(x=164)
    elif x == 165:
        t(x=165)
    elif x == 166:
        t(x=166)
    elif x == 167:
        t(x=167)
    elif x == 168:
        t(x=168)
    elif x == 169:
        t(x=169)
    elif x == 170:
        t(x=170)
    elif x == 171:
        t(x=171)
    elif x == 172:
        t(x=172)
    elif x == 173:
        t(x=173)
    elif x == 174:
        t(x=174)
    elif x == 175:
        t(x=175)
    elif x == 176:
        t(x=176)
    elif x == 177:
        t(x=177)
    elif x == 178:
        t(x=178)
    elif x == 179:
        t(x=179)
    elif x == 180:
        t(x=180)
    elif x == 181:
        t(x=181)
    elif x == 182:
        t(x=182)
    elif x == 183:
        t(x=183)
    elif x == 184:
        t(x=184)
    elif x == 185:
        t(x=185)
    elif x == 186:
        t(x=186)
    elif x == 187:
        t(x=187)
    elif x == 188:
        t(x=188)
    elif x == 189:
        t(x=189)
    elif x == 190:
        t(x=190)
    elif x == 191:
        t(x=191)
    elif x == 192:
        t(x=192)
    elif x == 193:
        t(x=193)
    elif x == 194:
        t(x=194)
    elif x == 195:
        t(x=195)
    elif x == 196:
        t(x=196)
    elif x == 197:
        t(x=197)
    elif x == 198:
        t(x=198)
    elif x == 199:
        t(x=199)
    elif x == 200:
        t(x=200)
    elif x == 201:
        t(x=201)
    elif x == 202:
        t(x=202)
    elif x == 203:
        t(x=203)
    elif x == 204:
        t(x=204)
    elif x == 205:
        t(x=205)
    elif x == 206:
        t(x=206)
    elif x == 207:
        t(x=207)
    elif x == 208:
        t(x=208)
    elif x == 209:
        t(x=209)
    elif x == 210:
        t(x=210)
    elif x == 211:
        t(x=211)
    elif x == 212:
        t(x=212)
    elif x == 213:
        t(x=213)
    elif x == 214:
        t(x=214)
    elif x == 215:
        t(x=215)
    elif x == 216:
        t(x=216)
    elif x == 217:
        t(x=217)
    elif x == 218:
        t(x=218)
    elif x == 219:
        t(x=219)
    elif x == 220:
        t(x=220)
    elif x == 221:
        t(x=221)
    elif x == 222:
        t(x=222)
    elif x == 223:
        t(x=223)
    elif x == 224:
        t(x=224)
    elif x == 225:
        t(x=225)
    elif x == 226:
        t(x=226)
    elif x == 227:
        t(x=227)
    elif x == 228:
        t(x=228)
    elif x == 229:
        t(x=229)
    elif x == 230:
        t(x=230)
    elif x == 231:
        t(x=231)
    elif x == 232:
        t(x=232)
    elif x == 233:
        t(x=233)
    elif x == 234:
        t(x=234)
    elif x == 235:
        t(x=235)
    elif x == 236:
        t(x=236)
    elif x == 237:
        t(x=237)
    elif x == 238:
        t(x=238)
    elif x == 239:
        t(x=239)
    elif x == 240:
        t(x=240)
    elif x == 241:
        t(x=241)
    elif x == 242:
        t(x=242)
    elif x == 243:
        t(x=243)
    elif x == 244:
        t(x=244)
    elif x == 245:
        t(x=245)
    elif x == 246:
        t(x=246)
    elif x == 247:
        t(x=247)
    elif x == 248:
        t(x=248)
    elif x == 249:
        t(x=249)
    elif x == 250:
        t(x=250)
    elif x == 251:
        t(x=251)
    elif x == 252:
        t(x=252)
    elif x == 253:
        t(x=253)
    elif x == 254:
        t(x=254)
    elif x == 255:
        t(x=255)
    elif x == 256:
        t(x=256)
    elif x == 257:
        t(x=257)
    elif x == 258:
        t(x=258)
    elif x == 259:
        t(x=259)
    elif x == 260:
        t(x=260)
    elif x == 261:
        t(x=261)
    elif x == 262:
        t(x=262)
    elif x == 263:
        t(x=263)
    elif x == 264:
        t(x=264)
    elif x == 265:
        t(x=265)
    elif x == 266:
        t(x=266)
    elif x == 267:
        t(x=267)
    elif x == 268:
        t(x=268)
    elif x == 269:
        t(x=269)
    elif x == 270:
        t(x=270)
    elif x == 271:
        t(x=271)
    elif x == 272:
        t(x=272)
    elif x == 273:
        t(x=273)
    elif x == 274:
        t(x=274)
    elif x == 275:
        t(x=275)
    elif x == 276:
        t(x=276)
    elif x == 277:
        t(x=277)
    elif x == 278:
        t(x=278)
    elif x == 279:
        t(x=279)
    elif x == 280:
        t(x=280)
    elif x == 281:
        t(x=281)
    elif x == 282:
        t(x=282)
    elif x == 283:
        t(x=283)
    elif x == 284:
        t(x=284)
    elif x == 285:
        t(x=285)
    elif x == 286:
        t(x=286)
    elif x == 287:
        t(x=287)
    elif x == 288:
        t(x=288)
    elif x == 289:
        t(x=289)
    elif x == 290:
        t(x=290)
    elif x == 291:
        t(x=291)
    elif x == 292:
        t(x=292)
    elif x == 293:
        t(x=293)
    elif x == 294:
        t(x=294)
    elif x == 295:
        t(x=295)
    elif x == 296:
        t(x=296)
    elif x == 297:
        t(x=297)
    elif x == 298:
        t(x=298)
    elif x == 299:
        t(x=299)
    elif x == 300:
        t(x=300)
    elif x == 301:
        t(x=301)
    elif x == 302:
        t(x=302)
    elif x == 303:
        t(x=303)
    elif x == 304:
        t(x=304)
    elif x == 305:
        t(x=305)
    elif x == 306:
        t(x=306)
    elif x == 307:
        t(x=307)
    elif x == 308:
        t(x=308)
    elif x == 309:
        t(x=309)
    elif x == 310:
        t(x=310)
    elif x == 311:
        t(x=311)
    elif x == 312:
        t(x=312)
    elif x == 313:
        t(x=313)
    elif x == 314:
        t(x=314)
    elif x == 315:
        t(x=315)
    elif x == 316:
        t(x=316)
    elif x == 317:
        t(x=317)
    elif x == 318:
        t(x=318)
    elif x == 319:
        t(x=319)
    elif x == 320:
        t(x=320)
    elif x == 321:
        t(x=321)
    elif x == 322:
        t(x=322)
    elif x == 323:
        t(x=323)
    elif x == 324:
        t(x=324)
    elif x == 325:
        t(x=325)
    elif x == 326:
        t(x=326)
    elif x == 327:
        t(x=327)
    elif x == 328:
        t(x=328)
    elif x == 329:
        t(x=329)
    elif x == 330:
        t(x=330)
    elif x == 331:
        t(x=331)
    elif x == 332:
        t(x=332)
    elif x == 333:
        t(x=333)
    elif x == 334:
        t(x=334)
    elif x == 335:
        t(x=335)
    elif x == 336:
        t(x=336)
    elif x == 337:
        t(x=337)
    elif x == 338:
        t(x=338)
    elif x == 339:
        t(x=339)
    elif x == 340:
        t(x=340)
    elif x == 341:
        t(x=341)
    elif x == 342:
        t(x=342)
    elif x == 343:
        t(x=343)
    elif x == 344:
        t(x=344)
    elif x == 345:
        t(x=345)
    elif x == 346:
        t(x=346)
    elif x == 347:
        t(x=347)
    elif x == 348:
        t(x=348)
    elif x == 349:
        t(x=349)
    elif x == 350:
        t(x=350)
    elif x == 351:
        t(x=351)
    elif x == 352:
        t(x=352)
    elif x == 353:
        t(x=353)
    elif x == 354:
        t(x=354)
    elif x == 355:
        t(x=355)
    elif x == 356:
        t(x=356)
    elif x == 357:
        t(x=357)
    elif x == 358:
        t(x=358)
    elif x == 359:
        t(x=359)
    elif x == 360:
        t(x=360)
    elif x == 361:
        t(x=361)
    elif x == 362:
        t(x=362)
    elif x == 363:
        t(x=363)
    elif x == 364:
        t(x=364)
    elif x == 365:
        t(x=365)
    elif x == 366:
        t(x=366)
    elif x == 367:
        t(x=367)
    elif x == 368:
        t(x=368)
    elif x == 369:
        t(x=369)
    elif x == 370:
        t(x=370)
    elif x == 371:
        t(x=371)
    elif x == 372:
        t(x=372)
    elif x == 373:
        t(x=373)
    elif x == 374:
        t(x=374)
    elif x == 375:
        t(x=375)
    elif x == 376:
        t(x=376)
    elif x == 377:
        t(x=377)
    elif x == 378:
        t(x=378)
    elif x == 379:
        t(x=379)
    elif x == 380:
        t(x=380)
    elif x == 381:
        t(x=381)
    elif x == 382:
        t(x=382)
    elif x == 383:
        t(x=383)
    elif x == 384:
        t(x=384)
    elif x == 385:
        t(x=385)
    elif x == 386:
        t(x=386)
    elif x == 387:
        t(x=387)
    elif x == 388:
        t(x=388)
    elif x == 389:
        t(x=389)
    elif x == 390:
        t(x=390)
    elif x == 391:
        t(x=391)
    elif x == 392:
        t(x=392)
    elif x == 393:
        t(x=393)
    elif x == 394:
        t(x=394)
    elif x == 395:
        t(x=395)
    elif x == 396:
        t(x=396)
    elif x == 397:
        t(x=397)
    elif x == 398:
        t(x=398)
    elif x == 399:
        t(x=399)
    elif x == 400:
        t(x=400)
    elif x == 401:
        t(x=401)
    elif x == 402:
        t(x=402)
    elif x == 403:
        t(x=403)
    elif x == 404:
        t(x=404)
    elif x == 405:
        t(x=405)
    elif x == 406:
        t(x=406)
    elif x == 407:
        t(x=407)
    elif x == 408:
        t(x=408)
    elif x == 409:
        t(x=409)
    elif x == 410:
        t(x=410)
    elif x == 411:
        t(x=411)
    elif x == 412:
        t(x=412)
    elif x == 413:
        t(x=413)
    elif x == 414:
        t(x=414)
    elif x == 415:
        t(x=415)
    elif x == 416:
        t(x=416)
    elif x == 417:
        t(x=417)
    elif x == 418:
        t(x=418)
    elif x == 419:
        t(x=419)
    elif x == 420:
        t(x=420)
    elif x == 421:
        t(x=421)
    elif x == 422:
        t(x=422)
    elif x == 423:
        t(x=423)
    elif x == 424:
        t(x=424)
    elif x == 425:
        t(x=425)
    elif x == 426:
        t(x=426)
    elif x == 427:
        t(x=427)
    elif x == 428:
        t(x=428)
    elif x == 429:
        t(x=429)
    elif x == 430:
        t(x=430)
    elif x == 431:
        t(x=431)
    elif x == 432:
        t(x=432)
    elif x == 433:
        t(x=433)
    elif x == 434:
        t(x=434)
    elif x == 435:
        t(x=435)
    elif x == 436:
        t(x=436)
    elif x == 437:
        t(x=437)
    elif x == 438:
        t(x=438)
    elif x == 439:
        t(x=439)
    elif x == 440:
        t(x=440)
    elif x == 441:
        t(x=441)
    elif x == 442:
        t(x=442)
    elif x == 443:
        t(x=443)
    elif x == 444:
        t(x=444)
    elif x == 445:
        t(x=445)
    elif x == 446:
        t(x=446)
    elif x == 447:
        t(x=447)
    elif x == 448:
        t(x=448)
    elif x == 449:
        t(x=449)
    elif x == 450:
        t(x=450)
    elif x == 451:
        t(x=451)
    elif x == 452:
        t(x=452)
    elif x == 453:
        t(x=453)
    elif x == 454:
        t(x=454)
    elif x == 455:
        t(x=455)
    elif x == 456:
        t(x=456)
    elif x == 457:
        t(x=457)
    elif x == 458:
        t(x=458)
    elif x == 459:
        t(x=459)
    elif x == 460:
        t(x=460)
    elif x == 461:
        t(x=461)
    elif x == 462:
        t(x=462)
    elif x == 463:
        t(x=463)
    elif x == 464:
        t(x=464)
    elif x == 465:
        t(x=465)
    elif x == 466:
        t(x=466)
    elif x == 467:
        t(x=467)
    elif x == 468:
        t(x=468)
    elif x == 469:
        t(x=469)
    elif x == 470:
        t(x=470)
    elif x == 471:
        t(x=471)
    elif x == 472:
        t(x=472)
    elif x == 473:
        t(x=473)
    elif x == 474:
        t(x=474)
    elif x == 475:
        t(x=475)
    elif x == 476:
        t(x=476)
    elif x == 477:
        t(x=477)
    elif x == 478:
        t(x=478)
    elif x == 479:
        t(x=479)
    elif x == 480:
        t(x=480)
    elif x == 481:
        t(x=481)
    elif x == 482:
        t(x=482)
    elif x == 483:
        t(x=483)
    elif x == 484:
        t(x=484)
    elif x == 485:
        t(x=485)
    elif x == 486:
        t(x=486)
    elif x == 487:
        t(x=487)
    elif x == 488:
        t(x=488)
    elif x == 489:
        t(x=489)
    elif x == 490:
        t(x=490)
    elif x == 491:
        t(x=491)
    elif x == 492:
        t(x=492)
    elif x == 493:
        t(x=493)
    elif x == 494:
        t(x=494)
    elif x == 495:
        t(x=495)
    elif x == 496:
        t(x=496)
    elif x == 497:
        t(x=497)
    elif x == 498:
        t(x=498)
    elif x == 499:
        t(x=499)
    elif x == 500:
        t(x=500)
    elif x == 501:
        t(x=501)
    elif x == 502:
        t(x=502)
    elif x == 503:
        t(x=503)
    elif x == 504:
        t(x=504)
    elif x == 505:
        t(x=505)
    elif x == 506:
        t(x=506)
    elif x == 507:
        t(x=507)
    elif x == 508:
        t(x=508)
    elif x == 509:
        t(x=509)
    elif x == 510:
        t(x=510)
    elif x == 511:
        t(x=511)
    elif x == 512:
        t(x=512)
    elif x == 513:
        t(x=513)
    elif x == 514:
        t(x=514)
    elif x == 515:
        t(x=515)
    elif x == 516:
        t(x=516)
    elif x == 517:
        t(x=517)
    elif x == 518:
        t(x=518)
    elif x == 519:
        t(x=519)
    elif x == 520:
        t(x=520)
    elif x == 521:
        t(x=521)
    elif x == 522:
        t(x=522)
    elif x == 523:
        t(x=523)
    elif x == 524:
        t(x=524)
    elif x == 525:
        t(x=525)
    elif x == 526:
        t(x=526)
    elif x == 527:
        t(x=527)
    elif x == 528:
        t(x=528)
    elif x == 529:
        t(x=529)
    elif x == 530:
        t(x=530)
    elif x == 531:
        t(x=531)
    elif x == 532:
        t(x=532)
    elif x == 533:
        t(x=533)
    elif x == 534:
        t(x=534)
    elif x == 535:
        t(x=535)
    elif x == 536:
        t(x=536)
    elif x == 537:
        t(x=537)
    elif x == 538:
        t(x=538)
    elif x == 539:
        t(x=539)
    elif x == 540:
        t(x=540)
    elif x == 541:
        t(x=541)
    elif x == 542:
        t(x=542)
    elif x == 543:
        t(x=543)
    elif x == 544:
        t(x=544)
    elif x == 545:
        t(x=545)
    elif x == 546:
        t(x=546)
    elif x == 547:
        t(x=547)
    elif x == 548:
        t(x=548)
    elif x == 549:
        t(x=549)
    elif x == 550:
        t(x=550)
    elif x == 551:
        t(x=551)
    elif x == 552:
        t(x=552)
    elif x == 553:
        t(x=553)
    elif x == 554:
        t(x=554)
    elif x == 555:
        t(x=555)
    elif x == 556:
        t(x=556)
    elif x == 557:
        t(x=557)
    elif x == 558:
        t(x=558)
    elif x == 559:
        t(x=559)
    elif x == 560:
        t(x=560)
    elif x == 561:
        t(x=561)
    elif x == 562:
        t(x=562)
    elif x == 563:
        t(x=563)
    elif x == 564:
        t(x=564)
    elif x == 565:
        t(x=565)
    elif x == 566:
        t(x=566)
    elif x == 567:
        t(x=567)
    elif x == 568:
        t(x=568)
    elif x == 569:
        t(x=569)
    elif x == 570:
        t(x=570)
    elif x == 571:
        t(x=571)
    elif x == 572:
        t(x=572)
    elif x == 573:
        t(x=573)
    elif x == 574:
        t(x=574)
    elif x == 575:
        t(x=575)
    elif x == 576:
        t(x=576)
    elif x == 577:
        t(x=577)
    elif x == 578:
        t(x=578)
    elif x == 579:
        t(x=579)
    elif x == 580:
        t(x=580)
    elif x == 581:
        t(x=581)
    elif x == 582:
        t(x=582)
    elif x == 583:
        t(x=583)
    elif x == 584:
        t(x=584)
    elif x == 585:
        t(x=585)
    elif x == 586:
        t(x=586)
    elif x == 587:
        t(x=587)
    elif x == 588:
        t(x=588)
    elif x == 589:
        t(x=589)
    elif x == 590:
        t(x=590)
    elif x == 591:
        t(x=591)
    elif x == 592:
        t(x=592)
    elif x == 593:
        t(x=593)
    elif x == 594:
        t(x=594)
    elif x == 595:
        t(x=595)
    elif x == 596:
        t(x=596)
    elif x == 597:
        t(x=597)
    elif x == 598:
        t(x=598)
    elif x == 599:
        t(x=599)
    elif x == 600:
        t(x=600)
    elif x == 601:
        t(x=601)
    elif x == 602:
        t(x=602)
    elif x == 603:
        t(x=603)
    elif x == 604:
        t(x=604)
    elif x == 605:
        t(x=605)
    elif x == 606:
        t(x=606)
    elif x == 607:
        t(x=607)
    elif x == 608:
        t(x=608)
    elif x == 609:
        t(x=609)
    elif x == 610:
        t(x=610)
    elif x == 611:
        t(x=611)
    elif x == 612:
        t(x=612)
    elif x == 613:
        t(x=613)
    elif x == 614:
        t(x=614)
    elif x == 615:
        t(x=615)
    elif x == 616:
        t(x=616)
    elif x == 617:
        t(x=617)
    elif x == 618:
        t(x=618)
    elif x == 619:
        t(x=619)
    elif x == 620:
        t(x=620)
    elif x == 621:
        t(x=621)
    elif x == 622:
        t(x=622)
    elif x == 623:
        t(x=623)
    elif x == 624:
        t(x=624)
    elif x == 625:
        t(x=625)
    elif x == 626:
        t(x=626)
    elif x == 627:
        t(x=627)
    elif x == 628:
        t(x=628)
    elif x == 629:
        t(x=629)
    elif x == 630:
        t(x=630)
    elif x == 631:
        t(x=631)
    elif x == 632:
        t(x=632)
    elif x == 633:
        t(x=633)
    elif x == 634:
        t(x=634)
    elif x == 635:
        t(x=635)
    elif x == 636:
        t(x=636)
    elif x == 637:
        t(x=637)
    elif x == 638:
        t(x=638)
    elif x == 639:
        t(x=639)
    elif x == 640:
        t(x=640)
    elif x == 641:
        t(x=641)
    elif x == 642:
        t(x=642)
    elif x == 643:
        t(x=643)
    elif x == 644:
        t(x=644)
    elif x == 645:
        t(x=645)
    elif x == 646:
        t(x=646)
    elif x == 647:
        t(x=647)
    elif x == 648:
        t(x=648)
    elif x == 649:
        t(x=649)
    elif x == 650:
        t(x=650)
    elif x == 651:
        t(x=651)
    elif x == 652:
        t(x=652)
    elif x == 653:
        t(x=653)
    elif x == 654:
        t(x=654)
    elif x == 655:
        t(x=655)
    elif x == 656:
        t(x=656)
    elif x == 657:
        t(x=657)
    elif x == 658:
        t(x=658)
    elif x == 659:
        t(x=659)
    elif x == 660:
        t(x=660)
    elif x == 661:
        t(x=661)
    elif x == 662:
        t(x=662)
    elif x == 663:
        t(x=663)
    elif x == 664:
        t(x=664)
    elif x == 665:
        t(x=665)
    elif x == 666:
        t(x=666)
    elif x == 667:
        t(x=667)
    elif x == 668:
        t(x=668)
    elif x == 669:
        t(x=669)
    elif x == 670:
        t(x=670)
    elif x == 671:
        t(x=671)
    elif x == 672:
        t(x=672)
    elif x == 673:
        t(x=673)
    elif x == 674:
        t(x=674)
    elif x == 675:
        t(x=675)
    elif x == 676:
        t(x=676)
    elif x == 677:
        t(x=677)
    elif x == 678:
        t(x=678)
    elif x == 679:
        t(x=679)
    elif x == 680:
        t(x=680)
    elif x == 681:
        t(x=681)
    elif x == 682:
        t(x=682)
    elif x == 683:
        t(x=683)
    elif x == 684:
        t(x=684)
    elif x == 685:
        t(x=685)
    elif x == 686:
        t(x=686)
    elif x == 687:
        t(x=687)
    elif x == 688:
        t(x=688)
    elif x == 689:
        t(x=689)
    elif x == 690:
        t(x=690)
    elif x == 691:
        t(x=691)
    elif x == 692:
        t(x=692)
    elif x == 693:
        t(x=693)
    elif x == 694:
        t(x=694)
    elif x == 695:
        t(x=695)
    elif x == 696:
        t(x=696)
    elif x == 697:
        t(x=697)
    elif x == 698:
        t(x=698)
    elif x == 699:
        t(x=699)
    elif x == 700:
        t(x=700)
    elif x == 701:
        t(x=701)
    elif x == 702:
        t(x=702)
    elif x == 703:
        t(x=703)
    elif x == 704:
        t(x=704)
    elif x == 705:
        t(x=705)
    elif x == 706:
        t(x=706)
    elif x == 707:
        t(x=707)
    elif x == 708:
        t(x=708)
    elif x == 709:
        t(x=709)
    elif x == 710:
        t(x=710)
    elif x == 711:
        t(x=711)
    elif x == 712:
        t(x=712)
    elif x == 713:
        t(x=713)
    elif x == 714:
        t(x=714)
    elif x == 715:
        t(x=715)
    elif x == 716:
        t(x=716)
    elif x == 717:
        t(x=717)
    elif x == 718:
        t(x=718)
    elif x == 719:
        t(x=719)
    elif x == 720:
        t(x=720)
    elif x == 721:
        t(x=721)
    elif x == 722:
        t(x=722)
    elif x == 723:
        t(x=723)
    elif x == 724:
        t(x=724)
    elif x == 725:
        t(x=725)
    elif x == 726:
        t(x=726)
    elif x == 727:
        t(x=727)
    elif x == 728:
        t(x=728)
    elif x == 729:
        t(x=729)
    elif x == 730:
        t(x=730)
    elif x == 731:
        t(x=731)
    elif x == 732:
        t(x=732)
    elif x == 733:
        t(x=733)
    elif x == 734:
        t(x=734)
    elif x == 735:
        t(x=735)
    elif x == 736:
        t(x=736)
    elif x == 737:
        t(x=737)
    elif x == 738:
        t(x=738)
    elif x == 739:
        t(x=739)
    elif x == 740:
        t(x=740)
    elif x == 741:
        t(x=741)
    elif x == 742:
        t(x=742)
    elif x == 743:
        t(x=743)
    elif x == 744:
        t(x=744)
    elif x == 745:
        t(x=745)
    elif x == 746:
        t(x=746)
    elif x == 747:
        t(x=747)
    elif x == 748:
        t(x=748)
    elif x == 749:
        t(x=749)
    elif x == 750:
        t(x=750)
    elif x == 751:
        t(x=751)
    elif x == 752:
        t(x=752)
    elif x == 753:
        t(x=753)
    elif x == 754:
        t(x=754)
    elif x == 755:
        t(x=755)
    elif x == 756:
        t(x=756)
    elif x == 757:
        t(x=757)
    elif x == 758:
        t(x=758)
    elif x == 759:
        t(x=759)
    elif x == 760:
        t(x=760)
    elif x == 761:
        t(x=761)
    elif x == 762:
        t(x=762)
    elif x == 763:
        t(x=763)
    elif x == 764:
        t(x=764)
    elif x == 765:
        t(x=765)
    elif x == 766:
        t(x=766)
    elif x == 767:
        t(x=767)
    elif x == 768:
        t(x=768)
    elif x == 769:
        t(x=769)
    elif x == 770:
        t(x=770)
    elif x == 771:
        t(x=771)
    elif x == 772:
        t(x=772)
    elif x == 773:
        t(x=773)
    elif x == 774:
        t(x=774)
    elif x == 775:
        t(x=775)
    elif x == 776:
        t(x=776)
    elif x == 777:
        t(x=777)
    elif x == 778:
        t(x=778)
    elif x == 779:
        t(x=779)
    elif x == 780:
        t(x=780)
    elif x == 781:
        t(x=781)
    elif x == 782:
        t(x=782)
    elif x == 783:
        t(x=783)
    elif x == 784:
        t(x=784)
    elif x == 785:
        t(x=785)
    elif x == 786:
        t(x=786)
    elif x == 787:
        t(x=787)
    elif x == 788:
        t(x=788)
    elif x == 789:
        t(x=789)
    elif x == 790:
        t(x=790)
    elif x == 791:
        t(x=791)
    elif x == 792:
        t(x=792)
    elif x == 793:
        t(x=793)
    elif x == 794:
        t(x=794)
    elif x == 795:
        t(x=795)
    elif x == 796:
        t(x=796)
    elif x == 797:
        t(x=797)
    elif x == 798:
        t(x=798)
    elif x == 799:
        t(x=799)
    elif x == 800:
        t(x=800)
    elif x == 801:
        t(x=801)
    elif x == 802:
        t(x=802)
    elif x == 803:
        t(x=803)
    elif x == 804:
        t(x=804)
    elif x == 805:
        t(x=805)
    elif x == 806:
        t(x=806)
    elif x == 807:
        t(x=807)
    elif x == 808:
        t(x=808)
    elif x == 809:
        t(x=809)
    elif x == 810:
        t(x=810)
    elif x == 811:
        t(x=811)
    elif x == 812:
        t(x=812)
    elif x == 813:
        t(x=813)
    elif x == 814:
        t(x=814)
    elif x == 815:
        t(x=815)
    elif x == 816:
        t(x=816)
    elif x == 817:
        t(x=817)
    elif x == 818:
        t(x=818)
    elif x == 819:
        t(x=819)
    elif x == 820:
        t(x=820)
    elif x == 821:
        t(x=821)
    elif x == 822:
        t(x=822)
    elif x == 823:
        t(x=823)
    elif x == 824:
        t(x=824)
    elif x == 825:
        t(x=825)
    elif x == 826:
        t(x=826)
    elif x == 827:
        t(x=827)
    elif x == 828:
        t(x=828)
    elif x == 829:
        t(x=829)
    elif x == 830:
        t(x=830)
    elif x == 831:
        t(x=831)
    elif x == 832:
        t(x=832)
    elif x == 833:
        t(x=833)
    elif x == 834:
        t(x=834)
    elif x == 835:
        t(x=835)
    elif x == 836:
        t(x=836)
    elif x == 837:
        t(x=837)
    elif x == 838:
        t(x=838)
    elif x == 839:
        t(x=839)
    elif x == 840:
        t(x=840)
    elif x == 841:
        t(x=841)
    elif x == 842:
        t(x=842)
    elif x == 843:
        t(x=843)
    elif x == 844:
        t(x=844)
    elif x == 845:
        t(x=845)
    elif x == 846:
        t(x=846)
    elif x == 847:
        t(x=847)
    elif x == 848:
        t(x=848)
    elif x == 849:
        t(x=849)
    elif x == 850:
        t(x=850)
    elif x == 851:
        t(x=851)
    elif x == 852:
        t(x=852)
    elif x == 853:
        t(x=853)
    elif x == 854:
        t(x=854)
    elif x == 855:
        t(x=855)
    elif x == 856:
        t(x=856)
    elif x == 857:
        t(x=857)
    elif x == 858:
        t(x=858)
    elif x == 859:
        t(x=859)
    elif x == 860:
        t(x=860)
    elif x == 861:
        t(x=861)
    elif x == 862:
        t(x=862)
    elif x == 863:
        t(x=863)
    elif x == 864:
        t(x=864)
    elif x == 865:
        t(x=865)
    elif x == 866:
        t(x=866)
    elif x == 867:
        t(x=867)
    elif x == 868:
        t(x=868)
    elif x == 869:
        t(x=869)
    elif x == 870:
        t(x=870)
    elif x == 871:
        t(x=871)
    elif x == 872:
        t(x=872)
    elif x == 873:
        t(x=873)
    elif x == 874:
        t(x=874)
    elif x == 875:
        t(x=875)
    elif x == 876:
        t(x=876)
    elif x == 877:
        t(x=877)
    elif x == 878:
        t(x=878)
    elif x == 879:
        t(x=879)
    elif x == 880:
        t(x=880)
    elif x == 881:
        t(x=881)
    elif x == 882:
        t(x=882)
    elif x == 883:
        t(x=883)
    elif x == 884:
        t(x=884)
    elif x == 885:
        t(x=885)
    elif x == 886:
        t(x=886)
    elif x == 887:
        t(x=887)
    elif x == 888:
        t(x=888)
    elif x == 889:
        t(x=889)
    elif x == 890:
        t(x=890)
    elif x == 891:
        t(x=891)
    elif x == 892:
        t(x=892)
    elif x == 893:
        t(x=893)
    elif x == 894:
        t(x=894)
    elif x == 895:
        t(x=895)
    elif x == 896:
        t(x=896)
    elif x == 897:
        t(x=897)
    elif x == 898:
        t(x=898)
    elif x == 899:
        t(x=899)
    elif x == 900:
        t(x=900)
    elif x == 901:
        t(x=901)
    elif x == 902:
        t(x=902)
    elif x == 903:
        t(x=903)
    elif x == 904:
        t(x=904)
    elif x == 905:
        t(x=905)
    elif x == 906:
        t(x=906)
    elif x == 907:
        t(x=907)
    elif x == 908:
        t(x=908)
    elif x == 909:
        t(x=909)
    elif x == 910:
        t(x=910)
    elif x == 911:
        t(x=911)
    elif x == 912:
        t(x=912)
    elif x == 913:
        t(x=913)
    elif x == 914:
        t(x=914)
    elif x == 915:
        t(x=915)
    elif x == 916:
        t(x=916)
    elif x == 917:
        t(x=917)
    elif x == 918:
        t(x=918)
    elif x == 919:
        t(x=919)
    elif x == 920:
        t(x=920)
    elif x == 921:
        t(x=921)
    elif x == 922:
        t(x=922)
    elif x == 923:
        t(x=923)
    elif x == 924:
        t(x=924)
    elif x == 925:
        t(x=925)
    elif x == 926:
        t(x=926)
    elif x == 927:
        t(x=927)
    elif x == 928:
        t(x=928)
    elif x == 929:
        t(x=929)
    elif x == 930:
        t(x=930)
    elif x == 931:
        t(x=931)
    elif x == 932:
        t(x=932)
    elif x == 933:
        t(x=933)
    elif x == 934:
        t(x=934)
    elif x == 935:
        t(x=935)
    elif x == 936:
        t(x=936)
    elif x == 937:
        t(x=937)
    elif x == 938:
        t(x=938)
    elif x == 939:
        t(x=939)
    elif x == 940:
        t(x=940)
    elif x == 941:
        t(x=941)
    elif x == 942:
        t(x=942)
    elif x == 943:
        t(x=943)
    elif x == 944:
        t(x=944)
    elif x == 945:
        t(x=945)
    elif x == 946:
        t(x=946)
    elif x == 947:
        t(x=947)
    elif x == 948:
        t(x=948)
    elif x == 949:
        t(x=949)
    elif x == 950:
        t(x=950)
    elif x == 951:
        t(x=951)
    elif x == 952:
        t(x=952)
    elif x == 953:
        t(x=953)
    elif x == 954:
        t(x=954)
    elif x == 955:
        t(x=955)
    elif x == 956:
        t(x=956)
    elif x == 957:
        t(x=957)
    elif x == 958:
        t(x=958)
    elif x == 959:
        t(x=959)
    elif x == 960:
        t(x=960)
    elif x == 961:
        t(x=961)
    elif x == 962:
        t(x=962)
    elif x == 963:
        t(x=963)
    elif x == 964:
        t(x=964)
    elif x == 965:
        t(x=965)
    elif x == 966:
        t(x=966)
    elif x == 967:
        t(x=967)
    elif x == 968:
        t(x=968)
    elif x == 969:
        t(x=969)
    elif x == 970:
        t(x=970)
    elif x == 971:
        t(x=971)
    elif x == 972:
        t(x=972)
    elif x == 973:
        t(x=973)
    elif x == 974:
        t(x=974)
    elif x == 975:
        t(x=975)
    elif x == 976:
        t(x=976)
    elif x == 977:
        t(x=977)
    elif x == 978:
        t(x=978)
    elif x == 979:
        t(x=979)
    elif x == 980:
        t(x=980)
    elif x == 981:
        t(x=981)
    elif x == 982:
        t(x=982)
    elif x == 983:
        t(x=983)
    elif x == 984:
        t(x=984)
    elif x == 985:
        t(x=985)
    elif x == 986:
        t(x=986)
    elif x == 987:
        t(x=987)
    elif x == 988:
        t(x=988)
    elif x == 989:
        t(x=989)
    elif x == 990:
        t(x=990)
    elif x == 991:
        t(x=991)
    elif x == 992:
        t(x=992)
    elif x == 993:
        t(x=993)
    elif x == 994:
        t(x=994)
    elif x == 995:
        t(x=995)
    elif x == 996:
        t(x=996)
    elif x == 997:
        t(x=997)
    elif x == 998:
        t(x=998)
    elif x == 999:
        t(x=999)
    elif x == 1000:
        t(x=1000)
    elif x == 1001:
        t(x=1001)
    elif x == 1002:
        t(x=1002)
    elif x == 1003:
        t(x=1003)
    elif x == 1004:
        t(x=1004)
    elif x == 1005:
        t(x=1005)
    elif x == 1006:
        t(x=1006)
    elif x == 1007:
        t(x=1007)
    elif x == 1008:
        t(x=1008)
    elif x == 1009:
        t(x=1009)
    elif x == 1010:
        t(x=1010)
    elif x == 1011:
        t(x=1011)
    elif x == 1012:
        t(x=1012)
    elif x == 1013:
        t(x=1013)
    elif x == 1014:
        t(x=1014)
    elif x == 1015:
        t(x=1015)
    elif x == 1016:
        t(x=1016)
    elif x == 1017:
        t(x=1017)
    elif x == 1018:
        t(x=1018)
    elif x == 1019:
        t(x=1019)
    elif x == 1020:
        t(x=1020)
    elif x == 1021:
        t(x=1021)
    elif x == 1022:
        t(x=1022)
    elif x == 1023:
        t(x=1023)
    elif x == 1024:
        t(x=1024)
    elif x == 1025:
        t(x=1025)
    elif x == 1026:
        t(x=1026)
    elif x == 1027:
        t(x=1027)
    elif x == 1028:
        t(x=1028)
    elif x == 1029:
        t(x=1029)
    elif x == 1030:
        t(x=1030)
    elif x == 1031:
        t(x=1031)
    elif x == 1032:
        t(x=1032)
    elif x == 1033:
        t(x=1033)
    elif x == 1034:
        t(x=1034)
    elif x == 1035:
        t(x=1035)
    elif x == 1036:
        t(x=1036)
    elif x == 1037:
        t(x=1037)
    elif x == 1038:
        t(x=1038)
    elif x == 1039:
        t(x=1039)
    elif x == 1040:
        t(x=1040)
    elif x == 1041:
        t(x=1041)
    elif x == 1042:
        t(x=1042)
    elif x == 1043:
        t(x=1043)
    elif x == 1044:
        t(x=1044)
    elif x == 1045:
        t(x=1045)
    elif x == 1046:
        t(x=1046)
    elif x == 1047:
        t(x=1047)
    elif x == 1048:
        t(x=1048)
    elif x == 1049:
        t(x=1049)
    elif x == 1050:
        t(x=1050)
    elif x == 1051:
        t(x=1051)
    elif x == 1052:
        t(x=1052)
    elif x == 1053:
        t(x=1053)
    elif x == 1054:
        t(x=1054)
    elif x == 1055:
        t(x=1055)
    elif x == 1056:
        t(x=1056)
    elif x == 1057:
        t(x=1057)
    elif x == 1058:
        t(x=1058)
    elif x == 1059:
        t(x=1059)
    elif x == 1060:
        t(x=1060)
    elif x == 1061:
        t(x=1061)
    elif x == 1062:
        t(x=1062)
    elif x == 1063:
        t(x=1063)
    elif x == 1064:
        t(x=1064)
    elif x == 1065:
        t(x=1065)
    elif x == 1066:
        t(x=1066)
    elif x == 1067:
        t(x=1067)
    elif x == 1068:
        t(x=1068)
    elif x == 1069:
        t(x=1069)
    elif x == 1070:
        t(x=1070)
    elif x == 1071:
        t(x=1071)
    elif x == 1072:
        t(x=1072)
    elif x == 1073:
        t(x=1073)
    elif x == 1074:
        t(x=1074)
    elif x == 1075:
        t(x=1075)
    elif x == 1076:
        t(x=1076)
    elif x == 1077:
        t(x=1077)
    elif x == 1078:
        t(x=1078)
    elif x == 1079:
        t(x=1079)
    elif x == 1080:
        t(x=1080)
    elif x == 1081:
        t(x=1081)
    elif x == 1082:
        t(x=1082)
    elif x == 1083:
        t(x=1083)
    elif x == 1084:
        t(x=1084)
    elif x == 1085:
        t(x=1085)
    elif x == 1086:
        t(x=1086)
    elif x == 1087:
        t(x=1087)
    elif x == 1088:
        t(x=1088)
    elif x == 1089:
        t(x=1089)
    elif x == 1090:
        t(x=1090)
    elif x == 1091:
        t(x=1091)
    elif x == 1092:
        t(x=1092)
    elif x == 1093:
        t(x=1093)
    elif x == 1094:
        t(x=1094)
    elif x == 1095:
        t(x=1095)
    elif x == 1096:
        t(x=1096)
    elif x == 1097:
        t(x=1097)
    elif x == 1098:
        t(x=1098)
    elif x == 1099:
        t(x=1099)
    elif x == 1100:
        t(x=1100)
    elif x == 1101:
        t(x=1101)
    elif x == 1102:
        t(x=1102)
    elif x == 1103:
        t(x=1103)
    elif x == 1104:
        t(x=1104)
    elif x == 1105:
        t(x=1105)
    elif x == 1106:
        t(x=1106)
    elif x == 1107:
        t(x=1107)
    elif x == 1108:
        t(x=1108)
    elif x == 1109:
        t(x=1109)
    elif x == 1110:
        t(x=1110)
    elif x == 1111:
        t(x=1111)
    elif x == 1112:
        t(x=1112)
    elif x == 1113:
        t(x=1113)
    elif x == 1114:
        t(x=1114)
    elif x == 1115:
        t(x=1115)
    elif x == 1116:
        t(x=1116)
    elif x == 1117:
        t(x=1117)
    elif x == 1118:
        t(x=1118)
    elif x == 1119:
        t(x=1119)
    elif x == 1120:
        t(x=1120)
    elif x == 1121:
        t(x=1121)
    elif x == 1122:
        t(x=1122)
    elif x == 1123:
        t(x=1123)
    elif x == 1124:
        t(x=1124)
    elif x == 1125:
        t(x=1125)
    elif x == 1126:
        t(x=1126)
    elif x == 1127:
        t(x=1127)
    elif x == 1128:
        t(x=1128)
    elif x == 1129:
        t(x=1129)
    elif x == 1130:
        t(x=1130)
    elif x == 1131:
        t(x=1131)
    elif x == 1132:
        t(x=1132)
    elif x == 1133:
        t(x=1133)
    elif x == 1134:
        t(x=1134)
    elif x == 1135:
        t(x=1135)
    elif x == 1136:
        t(x=1136)
    elif x == 1137:
        t(x=1137)
    elif x == 1138:
        t(x=1138)
    elif x == 1139:
        t(x=1139)
    elif x == 1140:
        t(x=1140)
    elif x == 1141:
        t(x=1141)
    elif x == 1142:
        t(x=1142)
    elif x == 1143:
        t(x=1143)
    elif x == 1144:
        t(x=1144)
    elif x == 1145:
        t(x=1145)
    elif x == 1146:
        t(x=1146)
    elif x == 1147:
        t(x=1147)
    elif x == 1148:
        t(x=1148)
    elif x == 1149:
        t(x=1149)
    elif x == 1150:
        t(x=1150)
    elif x == 1151:
        t(x=1151)
    elif x == 1152:
        t(x=1152)
    elif x == 1153:
        t(x=1153)
    elif x == 1154:
        t(x=1154)
    elif x == 1155:
        t(x=1155)
    elif x == 1156:
        t(x=1156)
    elif x == 1157:
        t(x=1157)
    elif x == 1158:
        t(x=1158)
    elif x == 1159:
        t(x=1159)
    elif x == 1160:
        t(x=1160)
    elif x == 1161:
        t(x=1161)
    elif x == 1162:
        t(x=1162)
    elif x == 1163:
        t(x=1163)
    elif x == 1164:
        t(x=1164)
    elif x == 1165:
        t(x=1165)
    elif x == 1166:
        t(x=1166)
    elif x == 1167:
        t(x=1167)
    elif x == 1168:
        t(x=1168)
    elif x == 1169:
        t(x=1169)
    elif x == 1170:
        t(x=1170)
    elif x == 1171:
        t(x=1171)
    elif x == 1172:
        t(x=1172)
    elif x == 1173:
        t(x=1173)
    elif x == 1174:
        t(x=1174)
    elif x == 1175:
        t(x=1175)
    elif x == 1176:
        t(x=1176)
    elif x == 1177:
        t(x=1177)
    elif x == 1178:
        t(x=1178)
    elif x == 1179:
        t(x=1179)
    elif x == 1180:
        t(x=1180)
    elif x == 1181:
        t(x=1181)
    elif x == 1182:
        t(x=1182)
    elif x == 1183:
        t(x=1183)
    elif x == 1184:
        t(x=1184)
    elif x == 1185:
        t(x=1185)
    elif x == 1186:
        t(x=1186)
    elif x == 1187:
        t(x=1187)
    elif x == 1188:
        t(x=1188)
    elif x == 1189:
        t(x=1189)
    elif x == 1190:
        t(x=1190)
    elif x == 1191:
        t(x=1191)
    elif x == 1192:
        t(x=1192)
    elif x == 1193:
        t(x=1193)
    elif x == 1194:
        t(x=1194)
    elif x == 1195:
        t(x=1195)
    elif x == 1196:
        t(x=1196)
    elif x == 1197:
        t(x=1197)
    elif x == 1198:
        t(x=1198)
    elif x == 1199:
        t(x=1199)
    elif x == 1200:
        t(x=1200)
    elif x == 1201:
        t(x=1201)
    elif x == 1202:
        t(x=1202)
    elif x == 1203:
        t(x=1203)
    elif x == 1204:
        t(x=1204)
    elif x == 1205:
        t(x=1205)
    elif x == 1206:
        t(x=1206)
    elif x == 1207:
        t(x=1207)
    elif x == 1208:
        t(x=1208)
    elif x == 1209:
        t(x=1209)
    elif x == 1210:
        t(x=1210)
    elif x == 1211:
        t(x=1211)
    elif x == 1212:
        t(x=1212)
    elif x == 1213:
        t(x=1213)
    elif x == 1214:
        t(x=1214)
    elif x == 1215:
        t(x=1215)
    elif x == 1216:
        t(x=1216)
    elif x == 1217:
        t(x=1217)
    elif x == 1218:
        t(x=1218)
    elif x == 1219:
        t(x=1219)
    elif x == 1220:
        t(x=1220)
    elif x == 1221:
        t(x=1221)
    elif x == 1222:
        t(x=1222)
    elif x == 1223:
        t(x=1223)
    elif x == 1224:
        t(x=1224)
    elif x == 1225:
        t(x=1225)
    elif x == 1226:
        t(x=1226)
    elif x == 1227:
        t(x=1227)
    elif x == 1228:
        t(x=1228)
    elif x == 1229:
        t(x=1229)
    elif x == 1230:
        t(x=1230)
    elif x == 1231:
        t(x=1231)
    elif x == 1232:
        t(x=1232)
    elif x == 1233:
        t(x=1233)
    elif x == 1234:
        t(x=1234)
    elif x == 1235:
        t(x=1235)
    elif x == 1236:
        t(x=1236)
    elif x == 1237:
        t(x=1237)
    elif x == 1238:
        t(x=1238)
    elif x == 1239:
        t(x=1239)
    elif x == 1240:
        t(x=1240)
    elif x == 1241:
        t(x=1241)
    elif x == 1242:
        t(x=1242)
    elif x == 1243:
        t(x=1243)
    elif x == 1244:
        t(x=1244)
    elif x == 1245:
        t(x=1245)
    elif x == 1246:
        t(x=1246)
    elif x == 1247:
        t(x=1247)
    elif x == 1248:
        t(x=1248)
    elif x == 1249:
        t(x=1249)
    elif x == 1250:
        t(x=1250)
    elif x == 1251:
        t(x=1251)
    elif x == 1252:
        t(x=1252)
    elif x == 1253:
        t(x=1253)
    elif x == 1254:
        t(x=1254)
    elif x == 1255:
        t(x=1255)
    elif x == 1256:
        t(x=1256)
    elif x == 1257:
        t(x=1257)
    elif x == 1258:
        t(x=1258)
    elif x == 1259:
        t(x=1259)
    elif x == 1260:
        t(x=1260)
    elif x == 1261:
        t(x=1261)
    elif x == 1262:
        t(x=1262)
    elif x == 1263:
        t(x=1263)
    elif x == 1264:
        t(x=1264)
    elif x == 1265:
        t(x=1265)
    elif x == 1266:
        t(x=1266)
    elif x == 1267:
        t(x=1267)
    elif x == 1268:
        t(x=1268)
    elif x == 1269:
        t(x=1269)
    elif x == 1270:
        t(x=1270)
    elif x == 1271:
        t(x=1271)
    elif x == 1272:
        t(x=1272)
    elif x == 1273:
        t(x=1273)
    elif x == 1274:
        t(x=1274)
    elif x == 1275:
        t(x=1275)
    elif x == 1276:
        t(x=1276)
    elif x == 1277:
        t(x=1277)
    elif x == 1278:
        t(x=1278)
    elif x == 1279:
        t(x=1279)
    elif x == 1280:
        t(x=1280)
    elif x == 1281:
        t(x=1281)
    elif x == 1282:
        t(x=1282)
    elif x == 1283:
        t(x=1283)
    elif x == 1284:
        t(x=1284)
    elif x == 1285:
        t(x=1285)
    elif x == 1286:
        t(x=1286)
    elif x == 1287:
        t(x=1287)
    elif x == 1288:
        t(x=1288)
    elif x == 1289:
        t(x=1289)
    elif x == 1290:
        t(x=1290)
    elif x == 1291:
        t(x=1291)
    elif x == 1292:
        t(x=1292)
    elif x == 1293:
        t(x=1293)
    elif x == 1294:
        t(x=1294)
    elif x == 1295:
        t(x=1295)
    elif x == 1296:
        t(x=1296)
    elif x == 1297:
        t(x=1297)
    elif x == 1298:
        t(x=1298)
    elif x == 1299:
        t(x=1299)
    elif x == 1300:
        t(x=1300)
    elif x == 1301:
        t(x=1301)
    elif x == 1302:
        t(x=1302)
    elif x == 1303:
        t(x=1303)
    elif x == 1304:
        t(x=1304)
    elif x == 1305:
        t(x=1305)
    elif x == 1306:
        t(x=1306)
    elif x == 1307:
        t(x=1307)
    elif x == 1308:
        t(x=1308)
    elif x == 1309:
        t(x=1309)
    elif x == 1310:
        t(x=1310)
    elif x == 1311:
        t(x=1311)
    elif x == 1312:
        t(x=1312)
    elif x == 1313:
        t(x=1313)
    elif x == 1314:
        t(x=1314)
    elif x == 1315:
        t(x=1315)
    elif x == 1316:
        t(x=1316)
    elif x == 1317:
        t(x=1317)
    elif x == 1318:
        t(x=1318)
    elif x == 1319:
        t(x=1319)
    elif x == 1320:
        t(x=1320)
    elif x == 1321:
        t(x=1321)
    elif x == 1322:
        t(x=1322)
    elif x == 1323:
        t(x=1323)
    elif x == 1324:
        t(x=1324)
    elif x == 1325:
        t(x=1325)
    elif x == 1326:
        t(x=1326)
    elif x == 1327:
        t(x=1327)
    elif x == 1328:
        t(x=1328)
    elif x == 1329:
        t(x=1329)
    elif x == 1330:
        t(x=1330)
    elif x == 1331:
        t(x=1331)
    elif x == 1332:
        t(x=1332)
    elif x == 1333:
        t(x=1333)
    elif x == 1334:
        t(x=1334)
    elif x == 1335:
        t(x=1335)
    elif x == 1336:
        t(x=1336)
    elif x == 1337:
        t(x=1337)
    elif x == 1338:
        t(x=1338)
    elif x == 1339:
        t(x=1339)
    elif x == 1340:
        t(x=1340)
    elif x == 1341:
        t(x=1341)
    elif x == 1342:
        t(x=1342)
    elif x == 1343:
        t(x=1343)
    elif x == 1344:
        t(x=1344)
    elif x == 1345:
        t(x=1345)
    elif x == 1346:
        t(x=1346)
    elif x == 1347:
        t(x=1347)
    elif x == 1348:
        t(x=1348)
    elif x == 1349:
        t(x=1349)
    elif x == 1350:
        t(x=1350)
    elif x == 1351:
        t(x=1351)
    elif x == 1352:
        t(x=1352)
    elif x == 1353:
        t(x=1353)
    elif x == 1354:
        t(x=1354)
    elif x == 1355:
        t(x=1355)
    elif x == 1356:
        t(x=1356)
    elif x == 1357:
        t(x=1357)
    elif x == 1358:
        t(x=1358)
    elif x == 1359:
        t(x=1359)
    elif x == 1360:
        t(x=1360)
    elif x == 1361:
        t(x=1361)
    elif x == 1362:
        t(x=1362)
    elif x == 1363:
        t(x=1363)
    elif x == 1364:
        t(x=1364)
    elif x == 1365:
        t(x=1365)
    elif x == 1366:
        t(x=1366)
    elif x == 1367:
        t(x=1367)
    elif x == 1368:
        t(x=1368)
    elif x == 1369:
        t(x=1369)
    elif x == 1370:
        t(x=1370)
    elif x == 1371:
        t(x=1371)
    elif x == 1372:
        t(x=1372)
    elif x == 1373:
        t(x=1373)
    elif x == 1374:
        t(x=1374)
    elif x == 1375:
        t(x=1375)
    elif x == 1376:
        t(x=1376)
    elif x == 1377:
        t(x=1377)
    elif x == 1378:
        t(x=1378)
    elif x == 1379:
        t(x=1379)
    elif x == 1380:
        t(x=1380)
    elif x == 1381:
        t(x=1381)
    elif x == 1382:
        t(x=1382)
    elif x == 1383:
        t(x=1383)
    elif x == 1384:
        t(x=1384)
    elif x == 1385:
        t(x=1385)
    elif x == 1386:
        t(x=1386)
    elif x == 1387:
        t(x=1387)
    elif x == 1388:
        t(x=1388)
    elif x == 1389:
        t(x=1389)
    elif x == 1390:
        t(x=1390)
    elif x == 1391:
        t(x=1391)
    elif x == 1392:
        t(x=1392)
    elif x == 1393:
        t(x=1393)
    elif x == 1394:
        t(x=1394)
    elif x == 1395:
        t(x=1395)
    elif x == 1396:
        t(x=1396)
    elif x == 1397:
        t(x=1397)
    elif x == 1398:
        t(x=1398)
    elif x == 1399:
        t(x=1399)
    elif x == 1400:
        t(x=1400)
    elif x == 1401:
        t(x=1401)
    elif x == 1402:
        t(x=1402)
    elif x == 1403:
        t(x=1403)
    elif x == 1404:
        t(x=1404)
    elif x == 1405:
        t(x=1405)
    elif x == 1406:
        t(x=1406)
    elif x == 1407:
        t(x=1407)
    elif x == 1408:
        t(x=1408)
    elif x == 1409:
        t(x=1409)
    elif x == 1410:
        t(x=1410)
    elif x == 1411:
        t(x=1411)
    elif x == 1412:
        t(x=1412)
    elif x == 1413:
        t(x=1413)
    elif x == 1414:
        t(x=1414)
    elif x == 1415:
        t(x=1415)
    elif x == 1416:
        t(x=1416)
    elif x == 1417:
        t(x=1417)
    elif x == 1418:
        t(x=1418)
    elif x == 1419:
        t(x=1419)
    elif x == 1420:
        t(x=1420)
    elif x == 1421:
        t(x=1421)
    elif x == 1422:
        t(x=1422)
    elif x == 1423:
        t(x=1423)
    elif x == 1424:
        t(x=1424)
    elif x == 1425:
        t(x=1425)
    elif x == 1426:
        t(x=1426)
    elif x == 1427:
        t(x=1427)
    elif x == 1428:
        t(x=1428)
    elif x == 1429:
        t(x=1429)
    elif x == 1430:
        t(x=1430)
    elif x == 1431:
        t(x=1431)
    elif x == 1432:
        t(x=1432)
    elif x == 1433:
        t(x=1433)
    elif x == 1434:
        t(x=1434)
    elif x == 1435:
        t(x=1435)
    elif x == 1436:
        t(x=1436)
    elif x == 1437:
        t(x=1437)
    elif x == 1438:
        t(x=1438)
    elif x == 1439:
        t(x=1439)
    elif x == 1440:
        t(x=1440)
    elif x == 1441:
        t(x=1441)
    elif x == 1442:
        t(x=1442)
    elif x == 1443:
        t(x=1443)
    elif x == 1444:
        t(x=1444)
    elif x == 1445:
        t(x=1445)
    elif x == 1446:
        t(x=1446)
    elif x == 1447:
        t(x=1447)
    elif x == 1448:
        t(x=1448)
    elif x == 1449:
        t(x=1449)
    elif x == 1450:
        t(x=1450)
    elif x == 1451:
        t(x=1451)
    elif x == 1452:
        t(x=1452)
    elif x == 1453:
        t(x=1453)
    elif x == 1454:
        t(x=1454)
    elif x == 1455:
        t(x=1455)
    elif x == 1456:
        t(x=1456)
    elif x == 1457:
        t(x=1457)
    elif x == 1458:
        t(x=1458)
    elif x == 1459:
        t(x=1459)
    elif x == 1460:
        t(x=1460)
    elif x == 1461:
        t(x=1461)
    elif x == 1462:
        t(x=1462)
    elif x == 1463:
        t(x=1463)
    elif x == 1464:
        t(x=1464)
    elif x == 1465:
        t(x=1465)
    elif x == 1466:
        t(x=1466)
    elif x == 1467:
        t(x=1467)
    elif x == 1468:
        t(x=1468)
    elif x == 1469:
        t(x=1469)
    elif x == 1470:
        t(x=1470)
    elif x == 1471:
        t(x=1471)
    elif x == 1472:
        t(x=1472)
    elif x == 1473:
        t(x=1473)
    elif x == 1474:
        t(x=1474)
    elif x == 1475:
        t(x=1475)
    elif x == 1476:
        t(x=1476)
    elif x == 1477:
        t(x=1477)
    elif x == 1478:
        t(x=1478)
    elif x == 1479:
        t(x=1479)
    elif x == 1480:
        t(x=1480)
    elif x == 1481:
        t(x=1481)
    elif x == 1482:
        t(x=1482)
    elif x == 1483:
        t(x=1483)
    elif x == 1484:
        t(x=1484)
    elif x == 1485:
        t(x=1485)
    elif x == 1486:
        t(x=1486)
    elif x == 1487:
        t(x=1487)
    elif x == 1488:
        t(x=1488)
    elif x == 1489:
        t(x=1489)
    elif x == 1490:
        t(x=1490)
    elif x == 1491:
        t(x=1491)
    elif x == 1492:
        t(x=1492)
    elif x == 1493:
        t(x=1493)
    elif x == 1494:
        t(x=1494)
    elif x == 1495:
        t(x=1495)
    elif x == 1496:
        t(x=1496)
    elif x == 1497:
        t(x=1497)
    elif x == 1498:
        t(x=1498)
    elif x == 1499:
        t(x=1499)
