#!/usr/bin/env python3
# Audibility of the sounding sources in an AVS-Synth folder: for every frame with a visible sounding object, the power
# of the clip's audio over its noise floor (audio.wav vs noise.wav, that second), in dB. Standard library only.
# Usage (in the dataset root): python3 audibility.py train
import json,glob,wave,audioop,math,sys,warnings
warnings.filterwarnings('ignore')
def rd(p):
    w=wave.open(p); return w.readframes(w.getnframes()), w.getframerate(), w.getsampwidth(), w.getnchannels()
snrs=[]
for f in sorted(glob.glob(f'synth/synth_{sys.argv[1]}_*/synth.json')):
    d=json.load(open(f)); base=f[:-len('synth.json')]
    a,r,sw,ch=rd(base+'audio.wav'); n,_,_,_=rd(base+'noise.wav')
    step=r*sw*ch
    for fr in d['frames']:
        i=fr['index']
        if not any(o['sounding'] for o in fr['objects']): continue
        ea=audioop.rms(a[i*step:(i+1)*step],sw)**2; en=max(audioop.rms(n[i*step:(i+1)*step],sw)**2,1e-9)
        snrs.append(10*math.log10(max(ea/en-1,1e-6)))
snrs.sort(); N=len(snrs)
print(N,'frames with a visible sounding object; (all sources) over floor, dB at 10/25/50/75/90%:',[round(snrs[int(p*N)],1) for p in (.1,.25,.5,.75,.9)])
for t in [0,3,6,10]: print(f'share below {t} dB: {sum(s<t for s in snrs)/N:.3f}')
